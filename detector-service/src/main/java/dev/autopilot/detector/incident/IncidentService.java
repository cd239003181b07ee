package dev.autopilot.detector.incident;

import dev.autopilot.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What people do to an incident: acknowledge it, resolve it. Each is one transaction with its event. */
@ApplicationScoped
public class IncidentService {

    private static final Logger LOG = Logger.getLogger(IncidentService.class);

    private final IncidentRepository incidents;
    private final IncidentPublisher publisher;
    private final Clock clock;

    @Inject
    public IncidentService(IncidentRepository incidents, IncidentPublisher publisher, Clock clock) {
        this.incidents = incidents;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public Incident acknowledge(UUID id, String by, String note) {
        Incident incident = find(id);
        try {
            incident.acknowledge(by, note, clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("incident " + id + " cannot be acknowledged: " + e.getMessage());
        }
        publisher.acknowledged(incident);
        LOG.infof("incident %s acknowledged by %s", id, by);
        return incident;
    }

    @Transactional
    public Incident resolve(UUID id, String by, String note) {
        Incident incident = find(id);
        try {
            incident.resolve(by, note, clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("incident " + id + " cannot be resolved: " + e.getMessage());
        }
        publisher.resolved(incident);
        LOG.infof("incident %s resolved by %s", id, by);
        return incident;
    }

    private Incident find(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("incident", id.toString()));
    }
}
