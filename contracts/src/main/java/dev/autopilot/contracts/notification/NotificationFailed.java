package dev.autopilot.contracts.notification;

import java.time.Instant;

/**
 * A page could not be delivered: the channel refused it for good, or the retries ran out.
 *
 * @param notificationId the delivery's id
 * @param incidentId     the incident it is about
 * @param channel        the channel
 * @param recipient      who it was for
 * @param escalationStep the step of the escalation policy that sent it (1-based)
 * @param attempts       how many attempts were made
 * @param reason         why it failed
 * @param failedAt       when it was given up
 */
public record NotificationFailed(
        String notificationId,
        String incidentId,
        String channel,
        String recipient,
        int escalationStep,
        int attempts,
        String reason,
        Instant failedAt) implements NotificationEvent {

    @Override
    public Instant occurredAt() {
        return failedAt;
    }
}
