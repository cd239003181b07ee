package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * One step of a remediation failed (after its retries, when the failure was retryable).
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers, if any
 * @param order         the step's position in the plan (1-based)
 * @param name          what the step does
 * @param service       what it talked to
 * @param operation     the operation
 * @param reason        what went wrong (the error code and message; never a secret)
 * @param attempts      how many attempts were made
 * @param failedAt      when
 */
public record RemediationStepFailed(
        String remediationId,
        String incidentId,
        int order,
        String name,
        String service,
        String operation,
        String reason,
        int attempts,
        Instant failedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return failedAt;
    }
}
