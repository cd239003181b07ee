package dev.autopilot.reporting.incident;

/** Where an incident is in its life, as history knows it: open, then acknowledged, then resolved. */
public enum IncidentStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    /** The further of two states: what history knows once it has heard of both. It never goes backwards. */
    public IncidentStatus furthest(IncidentStatus other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
