package dev.autopilot.remediation.run;

import dev.autopilot.contracts.Topics;
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

/** Feeds remediation from {@code incidents.v1}, in batches, each event applied once. */
@ApplicationScoped
public class IncidentsConsumer {

    private final Inbox inbox;
    private final RemediationService remediations;

    @Inject
    public IncidentsConsumer(Inbox inbox, RemediationService remediations) {
        this.inbox = inbox;
        this.remediations = remediations;
    }

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.INCIDENT_EVENTS, records, received -> {
            if (received.event() instanceof IncidentOpened opened) {
                remediations.opened(opened);
            } else if (received.event() instanceof IncidentResolved resolved) {
                remediations.resolved(resolved);
            } else if (received.event() instanceof IncidentEscalated escalated) {
                remediations.escalated(escalated);
            } else if (received.event() instanceof IncidentReopened reopened) {
                remediations.reopened(reopened);
            }
        });
    }
}
