package dev.autopilot.contracts.notification;

import dev.autopilot.contracts.Event;

/** Events on {@code notifications.v1}, keyed by incident id. Produced by the notification service. */
public sealed interface NotificationEvent extends Event
        permits NotificationSent, NotificationFailed, NotificationSuppressed, EscalationStepReached {

    String incidentId();

    @Override
    default String subject() {
        return incidentId();
    }
}
