package dev.autopilot.remediation.approval;

import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.remediation.run.Remediation;
import dev.autopilot.remediation.run.RemediationLifecycle;
import dev.autopilot.remediation.run.RemediationPublisher;
import dev.autopilot.remediation.run.RemediationStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Holds a step marked {@code requiresApproval} until a person approves it: the first time, asks for approval
 * ({@code RemediationAwaitingApproval}; the step is due again when the request expires); when it expires with
 * nobody deciding, the remediation escalates.
 */
@ApplicationScoped
public class ApprovalGate {

    private static final Logger LOG = Logger.getLogger(ApprovalGate.class);

    private final ApprovalRepository approvals;
    private final RemediationPublisher publisher;
    private final RemediationLifecycle lifecycle;
    private final Duration timeout;

    @Inject
    public ApprovalGate(ApprovalRepository approvals, RemediationPublisher publisher, RemediationLifecycle lifecycle,
            RemediationConfig config) {
        this.approvals = approvals;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.timeout = config.approvals().timeout();
    }

    /** Whether a person approved the step; in the caller's transaction. */
    public boolean approved(Remediation remediation, RemediationStep step, Instant now) {
        Optional<Approval> found = approvals.findByStep(step.id());
        if (found.isEmpty()) {
            Approval approval = Approval.request(remediation.id(), step.id(), now, timeout);
            approvals.persist(approval);
            step.awaitApproval(approval.expiresAt());
            remediation.awaitApproval();
            publisher.awaitingApproval(remediation, step, approval);
            lifecycle.record(remediation, step, "approval requested for step " + step.position() + " " + step.name(),
                    "approval " + approval.id() + " expires at " + approval.expiresAt(), now);
            LOG.infof("incident %s: remediation %s waits for approval %s of step %d (%s) until %s",
                    remediation.incidentId(), remediation.id(), approval.id(), step.position(), step.name(),
                    approval.expiresAt());
            return false;
        }
        Approval approval = found.get();
        if (approval.status() == ApprovalStatus.APPROVED) {
            return true;
        }
        if (approval.isExpiredAt(now)) {
            approval.expire(now);
            lifecycle.escalate(remediation, "step " + step.position() + " (" + step.name() + ") waited for approval "
                    + approval.id() + " and nobody decided by " + approval.expiresAt(), now);
        } else if (approval.isPending()) {
            step.awaitApproval(approval.expiresAt());
        }
        return false;
    }
}
