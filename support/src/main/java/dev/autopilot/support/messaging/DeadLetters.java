package dev.autopilot.support.messaging;

import dev.autopilot.contracts.Topics;
import dev.autopilot.support.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Moves a record this service cannot apply to its dead-letter topic {@code <topic>.dlq.<service>}, unchanged, with
 * headers that say why and where it came from. Returns only once the broker has it: nothing is dropped.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String FAILED_AT = "dlq-failed-at";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaEventSender sender;
    private final ServiceConfig service;
    private final MeterRegistry metrics;

    @Inject
    public DeadLetters(KafkaEventSender sender, ServiceConfig service, MeterRegistry metrics) {
        this.sender = sender;
        this.service = service;
        this.metrics = metrics;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.put(REASON, reason);
        headers.put(ORIGINAL_TOPIC, record.topic());
        headers.put(ORIGINAL_PARTITION, Integer.toString(record.partition()));
        headers.put(ORIGINAL_OFFSET, Long.toString(record.offset()));
        headers.put(FAILED_AT, Instant.now().toString());
        String topic = Topics.deadLetter(record.topic(), service.name());
        try {
            sender.send(new OutgoingRecord(topic, record.key(), headers, record.value())).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        metrics.counter("autopilot_events_dead_lettered_total", "topic", record.topic()).increment();
        LOG.warnf("dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
    }
}
