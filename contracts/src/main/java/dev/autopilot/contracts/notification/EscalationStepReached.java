package dev.autopilot.contracts.notification;

import java.time.Instant;
import java.util.List;

/**
 * An incident reached a step of its escalation policy (nobody acknowledged it in time): its contacts are paged.
 *
 * @param incidentId the incident
 * @param policy     the escalation policy
 * @param step       the step reached (1-based)
 * @param contacts   who the step pages (contact names)
 * @param reachedAt  when
 */
public record EscalationStepReached(
        String incidentId,
        String policy,
        int step,
        List<String> contacts,
        Instant reachedAt) implements NotificationEvent {

    public EscalationStepReached {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    @Override
    public Instant occurredAt() {
        return reachedAt;
    }
}
