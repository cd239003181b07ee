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
    private final IncidentResolution resolution;
    private final Clock clock;

    @Inject
    public IncidentService(IncidentRepository incidents, IncidentPublisher publisher, IncidentResolution resolution,
            Clock clock) {
        this.incidents = incidents;
        this.publisher = publisher;
        this.resolution = resolution;
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
        if (!incident.status().isActive()) {
            throw ProblemException.conflict("incident " + id + " cannot be resolved: already resolved by "
                    + incident.resolvedBy());
        }
        resolution.resolve(incident, by, note, clock.instant());
        return incident;
    }

    private Incident find(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("incident", id.toString()));
    }
}
