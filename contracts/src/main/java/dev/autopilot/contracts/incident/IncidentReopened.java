package dev.autopilot.contracts.incident;

import java.time.Instant;

/**
 * A resolved incident came back within the reopen window: the same problem, so the same incident, open again.
 *
 * @param incidentId the incident
 * @param reason     why, for people (the signal that recurred)
 * @param signalId   the signal that reopened it
 * @param reopenedAt when
 */
public record IncidentReopened(
        String incidentId,
        String reason,
        String signalId,
        Instant reopenedAt) implements IncidentEvent {

    @Override
    public Instant occurredAt() {
        return reopenedAt;
    }
}
