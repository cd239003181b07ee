package dev.autopilot.support.messaging;

import dev.autopilot.support.ServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka producer of a service: idempotent, {@code acks=all}, no linger (latency first; records that
 * queue behind an in-flight request are batched anyway). Completes each send when the broker has it.
 */
@ApplicationScoped
public class KafkaEventSender {

    private final KafkaProducer<String, byte[]> producer;

    @Inject
    public KafkaEventSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            ServiceConfig service) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, service.name() + "-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record; the future completes when the broker has acknowledged it (all in-sync replicas). */
    public CompletableFuture<RecordMetadata> send(OutgoingRecord record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers),
                    (metadata, error) -> {
                        if (error != null) {
                            acked.completeExceptionally(error);
                        } else {
                            acked.complete(metadata);
                        }
                    });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends records in order; the future completes when the broker has acknowledged every one of them. */
    public CompletableFuture<Void> sendAll(List<OutgoingRecord> records) {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            sends.add(send(record));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(10));
    }
}
