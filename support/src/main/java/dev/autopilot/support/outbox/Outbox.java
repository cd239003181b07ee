package dev.autopilot.support.outbox;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.support.ServiceConfig;
import dev.autopilot.support.worker.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The transactional outbox: an event is written to the service's database in the same transaction as the state
 * change it announces, and the {@link OutboxRelay} sends it to Kafka once that transaction has committed. A state
 * change and its event cannot diverge.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, source, subject, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final String source;

    @Inject
    public Outbox(DataSource dataSource, AfterCommit afterCommit, OutboxRelay relay, ServiceConfig service) {
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.source = CloudEventHeaders.sourceOf(service.name());
    }

    /** Writes the event in the current transaction and returns its id; it is sent after the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(Event event) {
        return appendAll(List.of(event)).get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> appendAll(List<? extends Event> events) {
        List<String> ids = events.stream().map(e -> UUID.randomUUID().toString()).toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                insert.setObject(1, UUID.fromString(ids.get(i)));
                insert.setString(2, Topics.streamOf(event).topic());
                insert.setString(3, event.subject());
                insert.setString(4, Event.typeOf(event));
                insert.setString(5, source);
                insert.setString(6, event.subject());
                insert.setTimestamp(7, Timestamp.from(event.occurredAt()));
                insert.setBytes(8, EventCodec.encode(event));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox: " + e.getMessage(), e);
        }
        afterCommit.wake(relay.worker());
        return ids;
    }
}
