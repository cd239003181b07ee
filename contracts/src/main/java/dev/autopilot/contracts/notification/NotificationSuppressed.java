package dev.autopilot.contracts.notification;

import java.time.Instant;

/**
 * A page that was due was not sent, on purpose.
 *
 * @param notificationId the delivery that was not sent, if one had been scheduled
 * @param incidentId     the incident it was about
 * @param channel        the channel it would have used
 * @param recipient      who it was for
 * @param escalationStep the step of the escalation policy
 * @param reason         why: {@code storm} (a summary went instead), {@code page-cap}, {@code flapping},
 *                       {@code channel-unconfigured}, {@code out-of-hours}, ...
 * @param suppressedAt   when
 */
public record NotificationSuppressed(
        String notificationId,
        String incidentId,
        String channel,
        String recipient,
        int escalationStep,
        String reason,
        Instant suppressedAt) implements NotificationEvent {

    @Override
    public Instant occurredAt() {
        return suppressedAt;
    }
}
