package dev.autopilot.remediation.run;

import dev.autopilot.remediation.approval.ApprovalRepository;
import dev.autopilot.remediation.approval.ApprovalView;
import dev.autopilot.remediation.audit.AuditTrail;
import dev.autopilot.remediation.audit.AuditView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Assembles the full view of a remediation: its steps, approvals and audit records. */
@ApplicationScoped
public class RemediationDetails {

    private static final int MAX_AUDIT = 1_000;

    private final ApprovalRepository approvals;
    private final AuditTrail audit;

    @Inject
    public RemediationDetails(ApprovalRepository approvals, AuditTrail audit) {
        this.approvals = approvals;
        this.audit = audit;
    }

    public RemediationDetailView of(Remediation remediation) {
        return RemediationDetailView.from(remediation,
                approvals.ofRemediation(remediation.id()).stream()
                        .map(approval -> ApprovalView.from(approval, remediation)).toList(),
                audit.search(null, remediation.id(), 0, MAX_AUDIT).stream().map(AuditView::from).toList());
    }
}
