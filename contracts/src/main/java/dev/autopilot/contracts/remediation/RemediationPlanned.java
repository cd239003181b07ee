package dev.autopilot.contracts.remediation;

import java.time.Instant;
import java.util.List;

/**
 * The remediation service chose a playbook for an incident and recorded what it will do (or, in dry-run, would do).
 *
 * @param remediationId the remediation's id
 * @param incidentId    the incident it answers
 * @param playbook      the playbook's name (the incident type it serves)
 * @param mode          live or dry-run
 * @param steps         the steps in order
 * @param plannedAt     when
 */
public record RemediationPlanned(
        String remediationId,
        String incidentId,
        String playbook,
        ExecutionMode mode,
        List<PlannedStep> steps,
        Instant plannedAt) implements RemediationEvent {

    public RemediationPlanned {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @Override
    public Instant occurredAt() {
        return plannedAt;
    }
}
