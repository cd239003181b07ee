package dev.autopilot.notification.escalation;

/**
 * Fired (synchronously, inside the transaction) once a new incident is tracked and its policy started, so what
 * waited for the incident can now be applied to it.
 */
public record IncidentTracked(String incidentId) {
}
