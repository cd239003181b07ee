package dev.autopilot.notification.escalation;

/** Where an incident is, as its events told this service. */
public enum IncidentStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
