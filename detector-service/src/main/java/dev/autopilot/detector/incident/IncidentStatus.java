package dev.autopilot.detector.incident;

/** Where an incident is in its life: open, then acknowledged by a person, then resolved. */
public enum IncidentStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean isActive() {
        return this != RESOLVED;
    }
}
