package dev.autopilot.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The log of events each consumer has applied, in the service's own database. Claiming an event id writes it in
 * the caller's transaction, so the effect and the record that it happened commit (or roll back) together.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id)
            SELECT ?, id FROM unnest(?::text[]) AS id
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """;

    private final DataSource dataSource;

    @Inject
    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the ids as applied by the consumer and returns those it had not applied before (one round trip for
     * the whole batch). Must run inside the transaction that applies them.
     */
    public Set<String> claim(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            claim.setString(1, consumer);
            claim.setArray(2, ids);
            Set<String> fresh = new HashSet<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed events: " + e.getMessage(), e);
        }
    }
}
