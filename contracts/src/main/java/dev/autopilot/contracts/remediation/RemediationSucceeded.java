package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * Every step of the remediation finished and its result was verified.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers
 * @param summary       what was done, for people
 * @param completedAt   when
 */
public record RemediationSucceeded(
        String remediationId,
        String incidentId,
        String summary,
        Instant completedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
