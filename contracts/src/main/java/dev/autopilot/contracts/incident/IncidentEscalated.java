package dev.autopilot.contracts.incident;

import dev.autopilot.contracts.Severity;
import java.time.Instant;

/**
 * A worse signal joined the incident and raised its severity (a P1 degradation that became a P0 outage).
 *
 * @param incidentId       the incident
 * @param previousSeverity the severity it had
 * @param severity         the severity it has now
 * @param type             its incident type now (may change with the severity, e.g. to {@code outage})
 * @param reason           what raised it, for people
 * @param signalId         the signal that raised it
 * @param escalatedAt      when
 */
public record IncidentEscalated(
        String incidentId,
        Severity previousSeverity,
        Severity severity,
        String type,
        String reason,
        String signalId,
        Instant escalatedAt) implements IncidentEvent {

    @Override
    public Instant occurredAt() {
        return escalatedAt;
    }
}
