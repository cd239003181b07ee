package dev.autopilot.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while the relay fails (the broker or the database is gone); otherwise up, with the events waiting and the
 * age of the oldest, so a backlog is visible (and alertable) without taking the service out of rotation: a
 * backlog is drained by the relay, not by refusing traffic.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final DataSource dataSource;
    private final OutboxRelay relay;

    @Inject
    public OutboxHealthCheck(DataSource dataSource, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event")) {
            rows.next();
            response.withData("pending", rows.getLong(1)).withData("oldestSeconds", rows.getLong(2));
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
        Exception failure = relay.lastFailure();
        if (failure != null) {
            return response.down().withData("lastFailure", String.valueOf(failure.getMessage())).build();
        }
        return response.up().build();
    }
}
