package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Announces what became of deliveries on {@code notifications.v1}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class NotificationPublisher {

    private final Outbox outbox;

    @Inject
    public NotificationPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void sent(Delivery delivery) {
        outbox.append(new NotificationSent(delivery.id().toString(), delivery.incidentId(), delivery.channel(),
                delivery.recipientLabel(), delivery.escalationStep(), delivery.attempts(), delivery.sentAt()));
    }

    public void failed(Delivery delivery) {
        outbox.append(new NotificationFailed(delivery.id().toString(), delivery.incidentId(), delivery.channel(),
                delivery.recipientLabel(), delivery.escalationStep(), delivery.attempts(), delivery.reason(),
                delivery.failedAt()));
    }
}
