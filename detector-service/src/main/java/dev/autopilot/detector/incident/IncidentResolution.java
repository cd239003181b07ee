package dev.autopilot.detector.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * How an incident ends, whoever ends it: resolved with its conditions set aside and its event written, in the
 * caller's transaction; or, when its last condition cleared but it flaps, kept open until it has been quiet.
 */
@ApplicationScoped
public class IncidentResolution {

    private static final Logger LOG = Logger.getLogger(IncidentResolution.class);

    private final ConditionRepository conditions;
    private final IncidentPublisher publisher;

    @Inject
    public IncidentResolution(ConditionRepository conditions, IncidentPublisher publisher) {
        this.conditions = conditions;
        this.publisher = publisher;
    }

    /** Resolves the incident now: every condition leaves it, and {@code IncidentResolved} is written. */
    public void resolve(Incident incident, String by, String note, Instant at) {
        incident.resolve(by, note, at);
        for (IncidentCondition condition : conditions.ofIncident(incident.id())) {
            if (condition.active()) {
                condition.deactivate(at);
            }
        }
        publisher.resolved(incident);
        LOG.infof("incident %s resolved by %s: %s", incident.id(), by, note);
    }

    /**
     * After a condition cleared: resolves the incident if all its conditions have, at once, or after
     * {@code flapHold} of quiet when it flaps. Returns when a waiting resolution is due, if one was set.
     */
    public Optional<Instant> settle(Incident incident, Instant at, Duration flapHold) {
        if (!incident.status().isActive()) {
            return Optional.empty();
        }
        List<IncidentCondition> all = conditions.ofIncident(incident.id());
        boolean allCleared = all.stream().filter(IncidentCondition::active)
                .allMatch(c -> c.status() == ConditionStatus.CLEARED);
        if (!allCleared) {
            return Optional.empty();
        }
        if (incident.flapping()) {
            Instant due = at.plus(flapHold);
            incident.resolveAt(due);
            LOG.infof("incident %s: all signals cleared, but it flaps; it resolves at %s if they stay clear",
                    incident.id(), due);
            return Optional.of(due);
        }
        resolve(incident, "detector", "all signals cleared", at);
        return Optional.empty();
    }
}
