package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * One step of a remediation did what it should (in dry-run: recorded the request it would send).
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers, if any
 * @param order         the step's position in the plan (1-based)
 * @param name          what the step does
 * @param service       what it talked to ({@code ecs}, {@code sns}, {@code http}, ...)
 * @param operation     the operation ({@code UpdateService}, ...)
 * @param mode          live or dry-run
 * @param outcome       what came of it, for people (e.g. {@code rolled back to t-developer:41})
 * @param succeededAt   when
 */
public record RemediationStepSucceeded(
        String remediationId,
        String incidentId,
        int order,
        String name,
        String service,
        String operation,
        ExecutionMode mode,
        String outcome,
        Instant succeededAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return succeededAt;
    }
}
