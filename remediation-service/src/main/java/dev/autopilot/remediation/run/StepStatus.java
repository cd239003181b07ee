package dev.autopilot.remediation.run;

/** Where one step of a remediation is. */
public enum StepStatus {
    /** Recorded, not run. */
    PLANNED,
    /** Will not run: its remediation was cancelled. */
    CANCELLED
}
