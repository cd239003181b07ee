package dev.autopilot.contracts.incident;

import java.time.Instant;

/**
 * A person has taken the incident: escalation stops.
 *
 * @param incidentId     the incident
 * @param acknowledgedBy who acknowledged it (the caller's principal)
 * @param note           why or what next, as they wrote it; may be absent
 * @param acknowledgedAt when
 */
public record IncidentAcknowledged(
        String incidentId,
        String acknowledgedBy,
        String note,
        Instant acknowledgedAt) implements IncidentEvent {

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
