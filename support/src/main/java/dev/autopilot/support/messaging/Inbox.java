package dev.autopilot.support.messaging;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.EventStream;
import dev.autopilot.contracts.UndecodableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * The consuming side of every service: decodes a batch of records, applies each event once, and keeps going
 * around records it cannot use.
 * <ul>
 * <li>A record without CloudEvents headers, or whose payload is not its type, goes to the dead-letter topic.</li>
 * <li>A type this version does not know is skipped (a newer producer may add types).</li>
 * <li>Events already applied (their id is in the processed-event log) are skipped; the log is written in the
 * same transaction as the effect.</li>
 * <li>The batch is applied in one transaction; if that fails, each event is retried alone: a transient failure
 * (database gone, deadlock) is retried until it passes, any other failure three times, then the record is
 * dead-lettered and the rest go on. A handler that finds the event itself invalid throws
 * {@link UndecodableEventException}: that record is dead-lettered at once.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 3;
    private static final long MAX_TRANSIENT_BACKOFF_MS = 5_000;

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;

    @Inject
    public Inbox(ProcessedEvents processed, DeadLetters deadLetters, MeterRegistry metrics) {
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Applies a batch read from the stream's topic; the consumer is named after the topic. */
    public <E extends Event> void receive(EventStream<E> stream, Iterable<ConsumerRecord<String, byte[]>> records,
            EventHandler<E> handler) {
        receive(stream.topic(), stream, records, handler);
    }

    public <E extends Event> void receive(String consumer, EventStream<E> stream,
            Iterable<ConsumerRecord<String, byte[]>> records, EventHandler<E> handler) {
        receiveAll(consumer, stream, records, events -> events.forEach(handler::handle));
    }

    /**
     * Applies a batch read from the stream's topic, handing the handler all events not applied before at once (in
     * their order), so it can fold repeats together; the consumer is named after the topic.
     */
    public <E extends Event> void receiveAll(EventStream<E> stream, Iterable<ConsumerRecord<String, byte[]>> records,
            BatchHandler<E> handler) {
        receiveAll(stream.topic(), stream, records, handler);
    }

    public <E extends Event> void receiveAll(String consumer, EventStream<E> stream,
            Iterable<ConsumerRecord<String, byte[]>> records, BatchHandler<E> handler) {
        List<Received<E>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decode(stream, record).ifPresent(batch::add);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(consumer, batch, handler));
        } catch (RuntimeException batchFailure) {
            if (batch.size() > 1) {
                LOG.debugf(batchFailure, "batch of %d on %s failed; applying one by one", batch.size(), consumer);
            }
            for (Received<E> one : batch) {
                applyAlone(consumer, one, handler);
            }
        }
    }

    private <E extends Event> void apply(String consumer, List<Received<E>> batch, BatchHandler<E> handler) {
        List<String> ids = batch.stream().map(r -> r.event().id()).toList();
        Set<String> fresh = new HashSet<>(processed.claim(consumer, ids));
        List<IncomingEvent<E>> events = new ArrayList<>(fresh.size());
        for (Received<E> received : batch) {
            if (fresh.remove(received.event().id())) {
                events.add(received.event());
            }
        }
        if (!events.isEmpty()) {
            handler.handle(events);
        }
        count(consumer, "applied", events.size());
        count(consumer, "duplicate", batch.size() - events.size());
    }

    private <E extends Event> void applyAlone(String consumer, Received<E> received, BatchHandler<E> handler) {
        int failures = 0;
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(consumer, List.of(received), handler));
                return;
            } catch (RuntimeException e) {
                if (isUndecodable(e)) {
                    // the event itself is wrong (a handler found it so): retrying cannot help
                    deadLetters.send(received.record(), e.getMessage());
                    return;
                }
                if (Failures.isTransient(e)) {
                    LOG.warnf("%s: transient failure applying %s, retrying in %d ms: %s", consumer,
                            received.event().id(), backoff, e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(MAX_TRANSIENT_BACKOFF_MS, backoff * 2);
                } else if (++failures >= ATTEMPTS) {
                    LOG.errorf(e, "%s: %s failed %d times", consumer, received.event().id(), failures);
                    deadLetters.send(received.record(), "failed " + failures + " times: " + e);
                    return;
                }
            }
        }
    }

    private static boolean isUndecodable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UndecodableEventException) {
                return true;
            }
        }
        return false;
    }

    private <E extends Event> Optional<Received<E>> decode(EventStream<E> stream, ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            deadLetters.send(record, "missing CloudEvents header ce_id or ce_type");
            return Optional.empty();
        }
        Optional<Class<? extends E>> eventClass = stream.typeNamed(type);
        if (eventClass.isEmpty()) {
            count(stream.topic(), "unknown-type");
            LOG.debugf("skipping %s of unknown type %s on %s", id, type, stream.topic());
            return Optional.empty();
        }
        E event;
        try {
            event = EventCodec.decode(record.value(), eventClass.get());
        } catch (UndecodableEventException e) {
            deadLetters.send(record, e.getMessage());
            return Optional.empty();
        }
        Instant time = parseTime(header(record, CloudEventHeaders.TIME)).orElse(event.occurredAt());
        String source = header(record, CloudEventHeaders.SOURCE);
        return Optional.of(new Received<>(
                new IncomingEvent<>(id, type, source, time, event, record.topic(), record.partition(), record.offset()),
                record));
    }

    private static Optional<Instant> parseTime(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void count(String consumer, String outcome) {
        count(consumer, outcome, 1);
    }

    private void count(String consumer, String outcome, int events) {
        if (events > 0) {
            metrics.counter("autopilot_events_consumed_total", "consumer", consumer, "outcome", outcome)
                    .increment(events);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Received<E extends Event>(IncomingEvent<E> event, ConsumerRecord<String, byte[]> record) {
    }
}
