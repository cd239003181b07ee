package dev.autopilot.notification.escalation;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds escalation from {@code incidents.v1}, in batches, each event applied once. */
@ApplicationScoped
public class IncidentsConsumer {

    private final Inbox inbox;
    private final EscalationService escalation;

    @Inject
    public IncidentsConsumer(Inbox inbox, EscalationService escalation) {
        this.inbox = inbox;
        this.escalation = escalation;
    }

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.INCIDENT_EVENTS, records, received -> {
            if (received.event() instanceof IncidentOpened opened) {
                escalation.opened(opened);
            } else if (received.event() instanceof IncidentAcknowledged acknowledged) {
                escalation.acknowledged(acknowledged);
            } else if (received.event() instanceof IncidentResolved resolved) {
                escalation.resolved(resolved);
            } else if (received.event() instanceof IncidentEscalated escalated) {
                escalation.escalated(escalated);
            } else if (received.event() instanceof IncidentReopened reopened) {
                escalation.reopened(reopened);
            }
        });
    }
}
