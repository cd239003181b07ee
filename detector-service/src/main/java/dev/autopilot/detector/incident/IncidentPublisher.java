package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import java.time.Instant;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Announces incident transitions on {@code incidents.v1}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class IncidentPublisher {

    private final Outbox outbox;

    @Inject
    public IncidentPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(Incident incident, String signalId) {
        outbox.append(new IncidentOpened(incident.id().toString(), incident.fingerprint(), incident.title(),
                incident.severity(), incident.type(), incident.service(), incident.labels(), signalId,
                incident.openedAt()));
    }

    public void acknowledged(Incident incident) {
        outbox.append(new IncidentAcknowledged(incident.id().toString(), incident.acknowledgedBy(),
                incident.acknowledgeNote(), incident.acknowledgedAt()));
    }

    public void escalated(Incident incident, Severity previous, String reason, String signalId, Instant at) {
        outbox.append(new IncidentEscalated(incident.id().toString(), previous, incident.severity(), incident.type(),
                reason, signalId, at));
    }

    public void reopened(Incident incident, String reason, String signalId) {
        outbox.append(new IncidentReopened(incident.id().toString(), reason, signalId, incident.reopenedAt()));
    }

    public void resolved(Incident incident) {
        outbox.append(new IncidentResolved(incident.id().toString(), incident.resolvedBy(), incident.resolveNote(),
                incident.resolvedAt()));
    }
}
