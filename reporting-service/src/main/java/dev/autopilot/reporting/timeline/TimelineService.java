package dev.autopilot.reporting.timeline;

import dev.autopilot.contracts.Event;
import dev.autopilot.reporting.incident.IncidentRecord;
import dev.autopilot.reporting.incident.IncidentRecordRepository;
import dev.autopilot.reporting.incident.IncidentStatus;
import dev.autopilot.support.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Records an event of any service about an incident: an entry on the incident's timeline, and the event folded
 * into the incident's record. Runs in the consumer's transaction, so both commit with the event's processed mark;
 * an event already on a timeline changes nothing.
 */
@ApplicationScoped
public class TimelineService {

    private static final Logger LOG = Logger.getLogger(TimelineService.class);

    private final TimelineEntryRepository timeline;
    private final IncidentRecordRepository incidents;
    private final Clock clock;

    @Inject
    public TimelineService(TimelineEntryRepository timeline, IncidentRecordRepository incidents, Clock clock) {
        this.timeline = timeline;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(IncomingEvent<? extends Event> received) {
        Instant now = clock.instant();
        Instant at = received.time() != null ? received.time() : now;
        TimelineEntry entry = TimelineEntry.of(received, at, now);
        if (!timeline.append(entry)) {
            LOG.debugf("%s %s is on a timeline already", received.type(), received.id());
            return;
        }
        String incidentId = entry.incidentId();
        if (incidentId == null) {
            // about no incident (a scaling recommendation): on the managed service's timeline only
            letGo(entry);
            return;
        }
        IncidentRecord incident = incidents.lockOrCreate(incidentId);
        boolean known = incident.isKnown();
        IncidentStatus status = incident.status();
        incident.apply(received.event(), at, now);
        if (!known && incident.isKnown()) {
            LOG.infof("incident %s recorded: %s %s %s, %s", incidentId, incident.severity(), incident.type(),
                    incident.title(), incident.status());
        } else if (known && incident.status() != status) {
            LOG.infof("incident %s recorded as %s", incidentId, incident.status());
        }
        letGo(entry, incident);
    }

    /**
     * Writes this event's rows now and lets go of them. A batch of events is one transaction, and Hibernate
     * flushes before each query: if every entity the batch touched stayed managed, each event would dirty-check
     * all the earlier ones, and a batch of n events would cost n² checks (most of the consumer's time at 500 per
     * batch). The record stays locked until the transaction ends; a later event of the batch about the same
     * incident reads it again, as this event left it.
     */
    private void letGo(Object... entities) {
        var entityManager = incidents.getEntityManager();
        entityManager.flush();
        for (Object entity : entities) {
            entityManager.detach(entity);
        }
    }
}
