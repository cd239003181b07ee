package dev.autopilot.remediation.approval;

import dev.autopilot.support.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A step marked {@code requiresApproval} waiting for a person: approved, rejected, or expired when nobody decides. */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    private UUID id;

    private UUID remediationId;

    private UUID stepId;

    @Enumerated(EnumType.STRING)
    private ApprovalStatus status;

    private Instant requestedAt;

    private Instant expiresAt;

    private Instant decidedAt;

    private String decidedBy;

    private String note;

    @Version
    private long version;

    protected Approval() {
    }

    public static Approval request(UUID remediationId, UUID stepId, Instant now, Duration timeout) {
        Approval approval = new Approval();
        approval.id = UUID.randomUUID();
        approval.remediationId = remediationId;
        approval.stepId = stepId;
        approval.status = ApprovalStatus.PENDING;
        approval.requestedAt = now.truncatedTo(ChronoUnit.MICROS);
        approval.expiresAt = now.plus(timeout).truncatedTo(ChronoUnit.MICROS);
        return approval;
    }

    public void approve(String by, String why, Instant now) {
        decide(ApprovalStatus.APPROVED, by, why, now);
    }

    public void reject(String by, String why, Instant now) {
        decide(ApprovalStatus.REJECTED, by, why, now);
    }

    public void expire(Instant now) {
        status = ApprovalStatus.EXPIRED;
        decidedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void cancel(Instant now) {
        if (status == ApprovalStatus.PENDING) {
            status = ApprovalStatus.CANCELLED;
            decidedAt = now.truncatedTo(ChronoUnit.MICROS);
        }
    }

    private void decide(ApprovalStatus decision, String by, String why, Instant now) {
        if (status != ApprovalStatus.PENDING) {
            throw ProblemException.conflict("approval " + id + " is " + status + ", not PENDING");
        }
        status = decision;
        decidedBy = by;
        note = why;
        decidedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }

    public boolean isExpiredAt(Instant now) {
        return isPending() && !now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public UUID remediationId() {
        return remediationId;
    }

    public UUID stepId() {
        return stepId;
    }

    public ApprovalStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String note() {
        return note;
    }
}
