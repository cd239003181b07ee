package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * The remediation began to run its steps.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers, if any
 * @param playbook      the playbook's name
 * @param mode          live or dry-run
 * @param startedAt     when
 */
public record RemediationStarted(
        String remediationId,
        String incidentId,
        String playbook,
        ExecutionMode mode,
        Instant startedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
