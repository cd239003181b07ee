package dev.autopilot.contracts.notification;

import java.time.Instant;

/**
 * A page reached a channel: the channel accepted the message.
 *
 * @param notificationId the delivery's id
 * @param incidentId     the incident it is about
 * @param channel        the channel: {@code webhook}, {@code slack}, {@code sns}, {@code email}, {@code pagerduty}
 * @param recipient      who it was for (a contact's role or a channel name)
 * @param escalationStep the step of the escalation policy that sent it (1-based)
 * @param attempts       how many attempts it took
 * @param sentAt         when the channel accepted it
 */
public record NotificationSent(
        String notificationId,
        String incidentId,
        String channel,
        String recipient,
        int escalationStep,
        int attempts,
        Instant sentAt) implements NotificationEvent {

    @Override
    public Instant occurredAt() {
        return sentAt;
    }
}
