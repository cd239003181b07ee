package dev.autopilot.remediation.run;

import java.util.EnumSet;
import java.util.Set;

/** Where a remediation is in its life. */
public enum RemediationStatus {
    /** Recorded; its first step is due. */
    PLANNED,
    /** Waits for its target's lock, held by another remediation of the same target. */
    QUEUED,
    /** Its steps run; it holds its target's lock if it changes anything. */
    RUNNING,
    /** A step waits for a person's approval. */
    AWAITING_APPROVAL,
    /** Its changes are being reversed. */
    UNDOING,
    /** Every step finished (or was skipped because its condition did not hold). */
    SUCCEEDED,
    /** A step failed for good; people take over. */
    FAILED,
    /** Automation stopped for a safety rail (rate limit, circuit breaker, approval timeout); people take over. */
    ESCALATED,
    /** A person rejected a step. */
    REJECTED,
    /** The incident was resolved before the remediation finished; its pending steps will not run. */
    CANCELLED,
    /** Its changes were reversed. */
    UNDONE;

    private static final Set<RemediationStatus> FINISHED = EnumSet.of(SUCCEEDED, FAILED, ESCALATED, REJECTED,
            CANCELLED, UNDONE);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }
}
