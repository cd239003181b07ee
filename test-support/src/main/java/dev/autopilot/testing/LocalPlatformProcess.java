package dev.autopilot.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local platform (a real Kafka broker and a real PostgreSQL, no Docker) run as a child process from the
 * classpath written into the platform jar. The child stops when this JVM closes its stdin, even after a
 * {@code kill -9} of the parent, so nothing is left running.
 */
public final class LocalPlatformProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("PLATFORM READY kafka=(\\S+) postgres=(\\S+)");

    private final Process process;
    private final Path dataDir;
    private final String kafka;
    private final String postgres;

    private LocalPlatformProcess(Process process, Path dataDir, String kafka, String postgres) {
        this.process = process;
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts a throw-away platform with the given databases and every topic of the contracts. */
    public static LocalPlatformProcess start(List<String> databases) {
        try {
            Path dataDir = Files.createTempDirectory("autopilot-platform-");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", classpath(), "dev.autopilot.platform.LocalPlatform",
                    "--dir", dataDir.toString(), "--kafka-port", "0", "--postgres-port", "0",
                    "--databases", String.join(",", databases), "--partitions", "1", "--fast",
                    "--exit-on-stdin-eof"));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("platform.log").toFile()))
                    .start();
            Matcher ready = awaitReady(process, dataDir);
            return new LocalPlatformProcess(process, dataDir, ready.group(1), ready.group(2));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local platform", e);
        }
    }

    /** {@code host:port} of the Kafka broker. */
    public String kafkaBootstrapServers() {
        return kafka;
    }

    /** {@code host:port} of PostgreSQL (user {@code postgres}, any password). */
    public String postgresAddress() {
        return postgres;
    }

    private static Matcher awaitReady(Process process, Path dataDir) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        drainInBackground(process.getInputStream());
                        return matcher;
                    }
                }
                throw new IllegalStateException("the local platform exited before it was ready; see "
                        + dataDir.resolve("platform.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return ready.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local platform was not ready in 120 s; see "
                    + dataDir.resolve("platform.log"), e);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local platform did not start: " + e.getMessage(), e);
        }
    }

    private static void drainInBackground(InputStream stream) {
        Thread drain = new Thread(() -> {
            try {
                stream.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the platform is gone
            }
        }, "platform-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    /** The platform jar and its dependencies, from the classpath file the build wrote into the jar. */
    static String classpath() {
        URL resource = LocalPlatformProcess.class.getClassLoader().getResource("platform.classpath");
        if (resource == null) {
            throw new IllegalStateException("platform.classpath is not on the classpath: build the platform module first");
        }
        try {
            String location;
            if ("jar".equals(resource.getProtocol())) {
                String path = resource.getPath();
                location = Paths.get(new URL(path.substring(0, path.indexOf("!/"))).toURI()).toString();
            } else {
                location = Paths.get(resource.toURI()).getParent().toString();
            }
            try (InputStream in = resource.openStream()) {
                return location + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
