package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.time.Instant;

/** A remediation as lists show it: what it answers and where it stands, without its steps. */
public record RemediationView(
        String id,
        String incidentId,
        String playbook,
        ExecutionMode mode,
        RemediationStatus status,
        String target,
        String requestedBy,
        Instant plannedAt,
        Instant startedAt,
        Instant finishedAt,
        String summary,
        String failure,
        Instant cancelledAt,
        String cancelReason,
        Instant undoneAt,
        String undoneBy) {

    public static RemediationView from(Remediation remediation) {
        return new RemediationView(remediation.id().toString(), remediation.incidentIdText(), remediation.playbook(),
                remediation.mode(), remediation.status(), remediation.target(), remediation.requestedBy(),
                remediation.plannedAt(), remediation.startedAt(), remediation.finishedAt(), remediation.summary(),
                remediation.failure(), remediation.cancelledAt(), remediation.cancelReason(), remediation.undoneAt(),
                remediation.undoneBy());
    }
}
