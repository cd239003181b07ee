package dev.autopilot.reporting.incident;

/** How far a remediation has come: planned, then succeeded or failed. */
public enum RemediationStatus {
    PLANNED,
    SUCCEEDED,
    FAILED;

    /**
     * The further of two states of one remediation. An outcome beats the plan; of two contradicting outcomes the
     * failure wins, so history never shows a success that was also reported failed.
     */
    public RemediationStatus furthest(RemediationStatus other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
