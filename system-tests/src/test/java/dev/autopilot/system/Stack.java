package dev.autopilot.system;

import static org.awaitility.Awaitility.await;

import dev.autopilot.testing.LocalPlatformProcess;
import dev.autopilot.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole product as ./autopilot up runs it: the local platform (a real Kafka broker and a real PostgreSQL
 * with one database per service), the four packaged services as processes, and a webhook receiver where the
 * pages go. Ports are free ones, so a stack already running on this machine is not disturbed.
 */
final class Stack implements AutoCloseable {

    static final List<String> SERVICES = List.of("detector", "remediation", "notification", "reporting");

    private final LocalPlatformProcess platform;
    private final WebhookReceiver webhook;
    private final Map<String, ServiceProcess> services;

    private Stack(LocalPlatformProcess platform, WebhookReceiver webhook, Map<String, ServiceProcess> services) {
        this.platform = platform;
        this.webhook = webhook;
        this.services = services;
    }

    static Stack start() {
        Path root = Path.of(System.getProperty("autopilot.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("autopilot.logs", "target/system-test-logs"));
        LocalPlatformProcess platform = LocalPlatformProcess.start(SERVICES);
        WebhookReceiver webhook = new WebhookReceiver();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        List<AutoCloseable> started = new ArrayList<>(List.of(platform, webhook));
        try {
            for (String service : SERVICES) {
                Map<String, String> env = new HashMap<>(tokenHashes());
                env.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrapServers());
                env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + platform.postgresAddress() + "/" + service);
                env.put("OPS_WEBHOOK_URL", webhook.url());
                // the test replays unsigned fixtures: SNS signatures are the detector's own tests' concern
                env.put("DETECTOR_SNS_VERIFY_SIGNATURES", "false");
                // no AWS here: a dry-run sends nothing at all, not even its read-only evidence calls
                env.put("REMEDIATION_ENGINE_DRY_RUN_READS", "false");
                ServiceProcess process = ServiceProcess.start(root, logs, service, freePort(), env);
                services.put(service, process);
                started.add(process);
            }
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> services.values().stream().allMatch(ServiceProcess::isReady));
            return new Stack(platform, webhook, services);
        } catch (RuntimeException e) {
            for (AutoCloseable closeable : started) {
                closeQuietly(closeable);
            }
            throw e;
        }
    }

    String url(String service) {
        return services.get(service).url();
    }

    String kafka() {
        return platform.kafkaBootstrapServers();
    }

    WebhookReceiver webhook() {
        return webhook;
    }

    /** The services are given only the hashes of the test tokens, by environment variable. */
    private static Map<String, String> tokenHashes() {
        Map<String, String> env = new HashMap<>();
        TestTokens.config().forEach((property, value) ->
                env.put(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // the services first, then the broker and the database
        services.values().parallelStream().forEach(ServiceProcess::close);
        closeQuietly(webhook);
        closeQuietly(platform);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // stopping what is left
        }
    }
}
