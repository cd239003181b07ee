package dev.autopilot.testing;

import dev.autopilot.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A real Kafka broker with every topic of the contracts, and a real PostgreSQL with one database, for a
 * service's {@code @QuarkusTest}s. Containers where a Docker engine answers; otherwise the local platform, the
 * same real servers started without Docker. Never a skip: if neither starts, the tests fail.
 *
 * <p>Also configures the test bearer tokens ({@link TestTokens}).
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "service_test";

    private static final Logger LOG = Logger.getLogger(PlatformTestResource.class);

    private AutoCloseable running;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestTokens.config());
        String kafka;
        String jdbcUrl;
        if (Containers.dockerAnswers()) {
            Containers containers = Containers.start(DATABASE, Topics.all());
            running = containers;
            kafka = containers.kafkaBootstrapServers();
            jdbcUrl = containers.jdbcUrl();
            config.put("quarkus.datasource.username", containers.username());
            config.put("quarkus.datasource.password", containers.password());
        } else {
            LOG.info("No Docker engine answers: starting the local platform (real Kafka and PostgreSQL, no Docker)");
            LocalPlatformProcess platform = LocalPlatformProcess.start(List.of(DATABASE));
            running = platform;
            kafka = platform.kafkaBootstrapServers();
            jdbcUrl = "jdbc:postgresql://" + platform.postgresAddress() + "/" + DATABASE;
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
        }
        config.put("kafka.bootstrap.servers", kafka);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        return config;
    }

    @Override
    public void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.warn("the test platform did not stop cleanly", e);
            }
        }
    }
}
