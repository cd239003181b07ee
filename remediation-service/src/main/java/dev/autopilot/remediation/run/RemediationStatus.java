package dev.autopilot.remediation.run;

/** Where a remediation is in its life. */
public enum RemediationStatus {
    /** Its steps are recorded and none has run. */
    PLANNED,
    /** The incident was resolved before the remediation ran; none of its steps will run. */
    CANCELLED
}
