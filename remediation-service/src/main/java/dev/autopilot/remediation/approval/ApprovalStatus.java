package dev.autopilot.remediation.approval;

/** Where a request for a person's approval stands. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** Nobody decided in time: the remediation escalated. */
    EXPIRED,
    /** The remediation stopped before anybody decided (its incident was resolved). */
    CANCELLED
}
