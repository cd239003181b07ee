package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Announces what became of deliveries and escalations on {@code notifications.v1}, through the outbox. */
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

    public void suppressed(Delivery delivery) {
        outbox.append(new NotificationSuppressed(delivery.id().toString(), delivery.incidentId(), delivery.channel(),
                delivery.recipientLabel(), delivery.escalationStep(), delivery.reason(), delivery.cancelledAt()));
    }

    public void stepReached(String incidentId, String policy, int step, List<String> contacts, Instant at) {
        outbox.append(new EscalationStepReached(incidentId, policy, step, contacts, at));
    }
}
