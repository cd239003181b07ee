package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * The remediation stopped without fixing the incident: people must take over.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers
 * @param reason        what went wrong
 * @param failedAt      when
 */
public record RemediationFailed(
        String remediationId,
        String incidentId,
        String reason,
        Instant failedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return failedAt;
    }
}
