package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * A remediation's changes were reversed: the state it replaced was restored.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answered, if any
 * @param undoneBy      who asked (a principal), or {@code remediation} when a failed verification undid it
 * @param summary       what was restored, for people
 * @param undoneAt      when
 */
public record RemediationUndone(
        String remediationId,
        String incidentId,
        String undoneBy,
        String summary,
        Instant undoneAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return undoneAt;
    }
}
