package dev.autopilot.remediation.approval;

import dev.autopilot.remediation.run.Remediation;
import dev.autopilot.remediation.run.RemediationStep;
import java.time.Instant;

/** A request for approval as the API shows it, with the step it holds. */
public record ApprovalView(
        String id,
        String remediationId,
        String incidentId,
        String playbook,
        String target,
        int order,
        String step,
        String service,
        String operation,
        ApprovalStatus status,
        Instant requestedAt,
        Instant expiresAt,
        Instant decidedAt,
        String decidedBy,
        String note) {

    public static ApprovalView from(Approval approval, Remediation remediation, RemediationStep step) {
        return new ApprovalView(approval.id().toString(), remediation.id().toString(), remediation.incidentIdText(),
                remediation.playbook(), remediation.target(), step.position(), step.name(), step.service(),
                step.operation(), approval.status(), approval.requestedAt(), approval.expiresAt(),
                approval.decidedAt(), approval.decidedBy(), approval.note());
    }

    /** The approval with the step of the remediation it holds. */
    public static ApprovalView from(Approval approval, Remediation remediation) {
        return from(approval, remediation, remediation.step(approval.stepId()));
    }

    public static ApprovalView from(ApprovalService.Decided decided) {
        return from(decided.approval(), decided.remediation(), decided.step());
    }
}
