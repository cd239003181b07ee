package dev.autopilot.contracts.incident;

import java.time.Instant;

/**
 * The incident is over: its signals cleared, or a person resolved it.
 *
 * @param incidentId the incident
 * @param resolvedBy who resolved it: a person's principal, or {@code detector} when its signals cleared
 * @param note       why; may be absent
 * @param resolvedAt when
 */
public record IncidentResolved(
        String incidentId,
        String resolvedBy,
        String note,
        Instant resolvedAt) implements IncidentEvent {

    @Override
    public Instant occurredAt() {
        return resolvedAt;
    }
}
