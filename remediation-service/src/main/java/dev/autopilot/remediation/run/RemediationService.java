package dev.autopilot.remediation.run;

import dev.autopilot.contracts.UndecodableEventException;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.remediation.playbook.RemediationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What happens to remediations as incidents come and go: an opened incident gets the plan of its playbook, a
 * resolved one stops a plan that has not run. Each use case is one transaction, with its event where it has one;
 * called from the consumer, it joins the transaction that also records the incident event as applied.
 *
 * <p>Only dry-run is implemented: the service refuses to start in any other mode rather than pretend.
 */
@ApplicationScoped
@Startup
public class RemediationService {

    private static final Logger LOG = Logger.getLogger(RemediationService.class);

    private final RemediationRepository remediations;
    private final RemediationPublisher publisher;
    private final PlaybookSelector playbooks;
    private final ExecutionMode mode;
    private final Clock clock;

    @Inject
    public RemediationService(RemediationRepository remediations, RemediationPublisher publisher,
            PlaybookSelector playbooks, RemediationConfig config, Clock clock) {
        if (config.mode() != ExecutionMode.DRY_RUN) {
            throw new IllegalStateException("remediation.mode=" + config.mode()
                    + " is not implemented yet; set remediation.mode=dry-run");
        }
        this.remediations = remediations;
        this.publisher = publisher;
        this.playbooks = playbooks;
        this.mode = config.mode();
        this.clock = clock;
    }

    /** Records the plan of the incident's playbook and announces it; an incident that has a plan keeps its one. */
    @Transactional
    public void plan(IncidentOpened incident) {
        UUID incidentId = incidentId(incident.incidentId());
        if (remediations.findByIncident(incidentId).isPresent()) {
            LOG.debugf("incident %s already has a remediation; not planning another", incidentId);
            return;
        }
        Playbook playbook = playbooks.select(incident.type());
        Instant now = clock.instant();
        Remediation remediation = Remediation.plan(incidentId, playbook.name(), mode, playbook.plan(incident, now),
                now);
        remediations.persist(remediation);
        publisher.planned(remediation);
        LOG.infof("incident %s: remediation %s planned (%s, playbook %s, %d steps)", incidentId, remediation.id(),
                mode, playbook.name(), remediation.steps().size());
    }

    /** Cancels the incident's remediation if it is still only planned. */
    @Transactional
    public void cancel(IncidentResolved resolved) {
        UUID incidentId = incidentId(resolved.incidentId());
        remediations.findByIncident(incidentId).filter(Remediation::isPlanned).ifPresent(remediation -> {
            remediation.cancel("incident resolved by " + resolved.resolvedBy(), clock.instant());
            LOG.infof("incident %s: remediation %s cancelled, the incident was resolved by %s", incidentId,
                    remediation.id(), resolved.resolvedBy());
        });
    }

    /** The event's incident id; one that is not a UUID fails the event, which then goes to the dead letters. */
    private static UUID incidentId(String id) {
        if (id == null) {
            throw new UndecodableEventException("the event has no incident id");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("the incident id " + id + " is not a UUID", e);
        }
    }
}
