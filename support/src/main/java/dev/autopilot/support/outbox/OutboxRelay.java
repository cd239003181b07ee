package dev.autopilot.support.outbox;

import dev.autopilot.support.messaging.KafkaEventSender;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.support.worker.SignalledWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Sends committed outbox events to Kafka in commit order, then deletes them. Woken right after each commit that
 * wrote events (no polling delay on the hot path); a slow poll is only the fallback. One relay per database sends
 * at a time (a PostgreSQL advisory lock), so replicas keep the per-incident order.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The advisory lock key of the relay: any constant, the same in every replica. */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    /** How soon to look again while another replica holds the relay lock. */
    private static final Duration BUSY_RETRY = Duration.ofMillis(50);

    private static final String SELECT = """
            SELECT id, event_id, topic, record_key, event_type, source, subject, occurred_at, payload, created_at
            FROM outbox_event ORDER BY id LIMIT ?
            """;

    private final DataSource dataSource;
    private final KafkaEventSender sender;
    private final OutboxConfig config;
    private final SignalledWorker worker;
    private final Counter published;
    private final Timer lag;

    @Inject
    public OutboxRelay(DataSource dataSource, KafkaEventSender sender, OutboxConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.config = config;
        this.worker = new SignalledWorker("outbox-relay", config.fallbackInterval(), this::relayBatch);
        this.published = metrics.counter("autopilot_outbox_published_total");
        this.lag = Timer.builder("autopilot_outbox_relay_lag_seconds")
                .description("from the commit of an event to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    SignalledWorker worker() {
        return worker;
    }

    /** The last failure to relay, if the relay has not succeeded since. */
    public Exception lastFailure() {
        return worker.lastFailure();
    }

    /** Relays one batch; true when more events may be waiting. */
    boolean relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    // another replica is relaying (what this one committed too, in id order); look again shortly,
                    // without holding a connection while waiting
                    worker.wakeWithin(BUSY_RETRY);
                    return false;
                }
                List<Long> ids = new ArrayList<>();
                List<OutgoingRecord> records = new ArrayList<>();
                List<Instant> created = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong("id"));
                            records.add(new OutgoingRecord(rows.getString("topic"), rows.getString("record_key"),
                                    OutgoingRecord.cloudEventHeaders(rows.getString("event_id"),
                                            rows.getString("event_type"), rows.getString("source"),
                                            rows.getString("subject"), rows.getTimestamp("occurred_at").toInstant()),
                                    rows.getBytes("payload")));
                            created.add(rows.getTimestamp("created_at").toInstant());
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return false;
                }
                await(records);
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE id = ANY(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    delete.executeUpdate();
                }
                Instant now = Instant.now();
                created.forEach(c -> lag.record(Duration.between(c, now)));
                published.increment(ids.size());
                return ids.size() == config.batchSize();
            }
        });
    }

    private void await(List<OutgoingRecord> records) throws InterruptedException, SQLException {
        try {
            sender.sendAll(records).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SQLException("the broker did not acknowledge the batch; it stays in the outbox", "08006", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
