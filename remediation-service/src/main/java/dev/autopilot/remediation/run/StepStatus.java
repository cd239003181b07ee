package dev.autopilot.remediation.run;

import java.util.EnumSet;
import java.util.Set;

/** Where one step of a remediation is. */
public enum StepStatus {
    /** Not run yet. */
    PLANNED,
    /** Ran, and checks again later (a service becoming stable, a fix being verified). */
    WAITING,
    /** Failed in a way that may pass; tried again later. */
    RETRYING,
    /** Waits for a person's approval. */
    AWAITING_APPROVAL,
    SUCCEEDED,
    FAILED,
    /** Not run: its condition did not hold. */
    SKIPPED,
    /** Will not run: its remediation stopped. */
    CANCELLED;

    private static final Set<StepStatus> FINISHED = EnumSet.of(SUCCEEDED, FAILED, SKIPPED, CANCELLED);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }
}
