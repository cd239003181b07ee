package dev.autopilot.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka and PostgreSQL in containers, for machines with a Docker engine. */
final class Containers implements AutoCloseable {

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private Containers(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static Containers start(String database, List<String> topics) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"));
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"))
                .withDatabaseName(database);
        kafka.start();
        postgres.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("topics not created: " + e.getCause().getMessage(), e);
        }
        return new Containers(kafka, postgres);
    }

    String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    String username() {
        return postgres.getUsername();
    }

    String password() {
        return postgres.getPassword();
    }

    @Override
    public void close() {
        postgres.stop();
        kafka.stop();
    }
}
