package dev.autopilot.reporting.incident;

/**
 * How far a remediation has come: planned, running (started, stepping, awaiting an approval), then an outcome:
 * succeeded, escalated to people, failed, or undone.
 */
public enum RemediationStatus {
    PLANNED,
    RUNNING,
    SUCCEEDED,
    ESCALATED,
    FAILED,
    UNDONE;

    /**
     * The further of two states of one remediation. An outcome beats the plan and the run; of two contradicting
     * outcomes the graver wins (a failure over a success), so history never shows a success that was also reported
     * failed; an undo is the last word.
     */
    public RemediationStatus furthest(RemediationStatus other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /** True for an outcome: the remediation will do nothing more. */
    public boolean isFinished() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
