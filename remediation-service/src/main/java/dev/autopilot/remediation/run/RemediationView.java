package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.time.Instant;
import java.util.List;

/** A remediation as the API shows it, with its steps in order. */
public record RemediationView(
        String id,
        String incidentId,
        String playbook,
        ExecutionMode mode,
        RemediationStatus status,
        Instant plannedAt,
        Instant cancelledAt,
        String cancelReason,
        List<StepView> steps) {

    public static RemediationView from(Remediation remediation) {
        return new RemediationView(remediation.id().toString(), remediation.incidentId().toString(),
                remediation.playbook(), remediation.mode(), remediation.status(), remediation.plannedAt(),
                remediation.cancelledAt(), remediation.cancelReason(),
                remediation.steps().stream().map(StepView::from).toList());
    }
}
