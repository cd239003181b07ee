package dev.autopilot.detector.incident;

/** Whether a condition of an incident holds: firing, clearing (waiting out its hold-down) or cleared. */
public enum ConditionStatus {
    FIRING,
    CLEARING,
    CLEARED
}
