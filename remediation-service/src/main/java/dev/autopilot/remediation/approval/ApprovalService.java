package dev.autopilot.remediation.approval;

import dev.autopilot.remediation.audit.AuditTrail;
import dev.autopilot.remediation.run.Remediation;
import dev.autopilot.remediation.run.RemediationEngine;
import dev.autopilot.remediation.run.RemediationLifecycle;
import dev.autopilot.remediation.run.RemediationRepository;
import dev.autopilot.remediation.run.RemediationStep;
import dev.autopilot.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A person's decision on a step waiting for approval: approved, the step runs at once; rejected, the remediation
 * stops. Each is one transaction that locks the remediation first (so it never races the engine) and appends the
 * decision to the audit trail.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final ApprovalRepository approvals;
    private final RemediationRepository remediations;
    private final RemediationLifecycle lifecycle;
    private final RemediationEngine engine;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public ApprovalService(ApprovalRepository approvals, RemediationRepository remediations,
            RemediationLifecycle lifecycle, RemediationEngine engine, AuditTrail audit, Clock clock) {
        this.approvals = approvals;
        this.remediations = remediations;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An approval with the remediation and step it is about.
     *
     * @param approval    the approval
     * @param remediation its remediation
     * @param step        the step it holds
     */
    public record Decided(Approval approval, Remediation remediation, RemediationStep step) {
    }

    @Transactional
    public Decided approve(UUID id, String by, String note) {
        Decided decided = pending(id);
        Instant now = clock.instant();
        decided.approval().approve(by, note, now);
        decided.step().approved(now);
        decided.remediation().resume();
        record(decided, by, "approved", note, now);
        engine.wakeAfterCommit();
        LOG.infof("incident %s: remediation %s step %d approved by %s", decided.remediation().incidentId(),
                decided.remediation().id(), decided.step().position(), by);
        return decided;
    }

    @Transactional
    public Decided reject(UUID id, String by, String note) {
        Decided decided = pending(id);
        Instant now = clock.instant();
        decided.approval().reject(by, note, now);
        String reason = "step " + decided.step().position() + " (" + decided.step().name() + ") rejected by " + by
                + (note == null || note.isBlank() ? "" : ": " + note);
        decided.step().skip(reason, now);
        record(decided, by, "rejected", note, now);
        lifecycle.reject(decided.remediation(), reason, now);
        return decided;
    }

    /** The approval and what it holds, locked (the remediation first, as the engine locks it), still pending. */
    private Decided pending(UUID id) {
        UUID remediationId = approvals.findByIdOptional(id).map(Approval::remediationId)
                .orElseThrow(() -> ProblemException.notFound("approval", id.toString()));
        Remediation remediation = remediations.lock(remediationId).orElseThrow();
        Approval approval = approvals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (approval.isExpiredAt(clock.instant())) {
            throw ProblemException.conflict("approval " + id + " expired at " + approval.expiresAt());
        }
        if (!approval.isPending()) {
            throw ProblemException.conflict("approval " + id + " is " + approval.status() + ", not PENDING");
        }
        return new Decided(approval, remediation, remediation.step(approval.stepId()));
    }

    private void record(Decided decided, String by, String decision, String note, Instant now) {
        audit.append(new AuditTrail.Fact(by, decision + " step " + decided.step().position() + " "
                + decided.step().name(), decided.remediation().id(), decided.remediation().incidentId(),
                decided.step().position(), decided.remediation().target(), null,
                "approval " + decided.approval().id() + " " + decided.approval().status()
                        + (note == null || note.isBlank() ? "" : ": " + note)), now);
    }
}
