package dev.autopilot.notification.routing;

/**
 * What must still hold when a delayed step comes due for it to page. Whatever the condition, an acknowledgement
 * cancels every pending step of the incident at once, and a resolution ends its paging.
 */
public enum StepCondition {
    /** Pages whenever it is reached (the immediate steps). */
    NONE,
    /** Pages only if nobody has acknowledged the incident (the runbook's P2: "30 minutes unacknowledged"). */
    UNACKNOWLEDGED,
    /** Pages only if the incident is not resolved (the runbook's P1: "if not resolved within 15 minutes"). */
    UNRESOLVED;

    /** Whether a step with this condition still pages an incident in this state. */
    public boolean holds(boolean acknowledged, boolean resolved) {
        switch (this) {
            case UNACKNOWLEDGED:
                return !acknowledged && !resolved;
            case UNRESOLVED:
                return !resolved;
            default:
                return true;
        }
    }
}
