package dev.autopilot.reporting.measure;

/** How measures are grouped: not at all, by severity, by managed service, or by the period the incident opened in. */
public enum GroupBy {
    NONE,
    SEVERITY,
    SERVICE,
    DAY,
    WEEK,
    MONTH;

    public boolean isPeriod() {
        return this == DAY || this == WEEK || this == MONTH;
    }
}
