package dev.autopilot.platform;

import dev.autopilot.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a real Apache Kafka broker (KRaft, combined mode) and a real PostgreSQL in this JVM, creates the topics
 * and the databases, prints one ready line and runs until it is stopped (SIGTERM, or its stdin closing when
 * {@code --exit-on-stdin-eof} is given). State lives under {@code --dir} and survives a restart.
 *
 * <pre>
 * java -cp "$(cat platform.classpath)" dev.autopilot.platform.LocalPlatform \
 *     --dir .autopilot/data --kafka-port 9092 --postgres-port 5432 \
 *     --databases detector,remediation,notification,reporting [--partitions 3] [--fast] [--exit-on-stdin-eof]
 * </pre>
 *
 * <p>The ready line is {@code PLATFORM READY kafka=127.0.0.1:<port> postgres=127.0.0.1:<port>}.
 */
public final class LocalPlatform {

    public static final String READY = "PLATFORM READY";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path dir = Path.of(options.getOrDefault("dir", ".autopilot/data")).toAbsolutePath();
        Files.createDirectories(dir);
        int kafkaPort = port(options.getOrDefault("kafka-port", "9092"));
        int postgresPort = port(options.getOrDefault("postgres-port", "5432"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        boolean fast = options.containsKey("fast");
        List<String> databases = list(options.getOrDefault("databases", "autopilot"));
        List<String> topics = options.containsKey("topics") ? list(options.get("topics")) : Topics.all();

        var broker = new KafkaBroker(dir.resolve("kafka"), kafkaPort, port("0"));
        var postgres = new PostgresServer(dir.resolve("postgres"), postgresPort, fast);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            postgres.close();
            stopped.countDown();
        }, "platform-shutdown"));

        long started = System.nanoTime();
        CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> {
            broker.start();
            broker.createTopics(topics, partitions);
        });
        CompletableFuture<Void> postgresReady = CompletableFuture.runAsync(() -> {
            postgres.start();
            postgres.createDatabases(databases);
        });
        try {
            CompletableFuture.allOf(kafkaReady, postgresReady).join();
        } catch (RuntimeException e) {
            System.err.println("PLATFORM FAILED " + rootMessage(e));
            e.printStackTrace();
            System.exit(1);
        }
        System.out.printf("%s kafka=127.0.0.1:%d postgres=127.0.0.1:%d in %d ms%n", READY, broker.port(),
                postgres.port(), (System.nanoTime() - started) / 1_000_000);
        System.out.flush();

        if (options.containsKey("exit-on-stdin-eof")) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static void drain(InputStream in) {
        try {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent speaks to us only by closing the stream
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + " in " + Arrays.toString(args));
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }

    private static List<String> list(String csv) {
        List<String> items = new ArrayList<>();
        for (String item : csv.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** The port asked for, or a free one for {@code 0}. */
    static int port(String value) {
        int port = Integer.parseInt(value);
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
