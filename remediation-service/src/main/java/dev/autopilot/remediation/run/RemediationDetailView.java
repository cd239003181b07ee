package dev.autopilot.remediation.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autopilot.remediation.approval.ApprovalView;
import dev.autopilot.remediation.audit.AuditView;
import java.util.List;
import java.util.Map;

/**
 * One remediation with everything about it: what it answers, its steps with their evidence, what its steps found
 * out, its approvals and its audit records.
 */
public record RemediationDetailView(
        @JsonUnwrapped RemediationView remediation,
        Map<String, Object> occasion,
        Map<String, Object> facts,
        List<StepView> steps,
        List<ApprovalView> approvals,
        List<AuditView> audit) {

    public static RemediationDetailView from(Remediation remediation, List<ApprovalView> approvals,
            List<AuditView> audit) {
        return new RemediationDetailView(RemediationView.from(remediation), remediation.occasion(),
                remediation.facts(), remediation.steps().stream().map(StepView::from).toList(), approvals, audit);
    }
}
