package dev.autopilot.remediation.run;

import dev.autopilot.contracts.UndecodableEventException;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to remediations as incidents, recommendations and people ask: each asks for a playbook's run once
 * (per trigger), and a resolved incident stops what has not run. Each use case is one transaction, with its event;
 * called from a consumer, it joins the transaction that also records the event as applied. The engine is woken
 * once the transaction commits.
 */
@ApplicationScoped
public class RemediationService {

    private final RemediationRepository remediations;
    private final RemediationPlanner planner;
    private final RemediationLifecycle lifecycle;
    private final PlaybookSelector playbooks;
    private final RemediationEngine engine;
    private final Clock clock;

    @Inject
    public RemediationService(RemediationRepository remediations, RemediationPlanner planner,
            RemediationLifecycle lifecycle, PlaybookSelector playbooks, RemediationEngine engine, Clock clock) {
        this.remediations = remediations;
        this.planner = planner;
        this.lifecycle = lifecycle;
        this.playbooks = playbooks;
        this.engine = engine;
        this.clock = clock;
    }

    /** An opened incident gets its playbook's run; a redelivered or repeated one adds none. */
    @Transactional
    public void opened(IncidentOpened incident) {
        UUID incidentId = incidentId(incident.incidentId());
        Occasion occasion = Occasion.of(incident);
        planner.plan(incidentId, "opened:" + incidentId, "incident", playbooks.select(incident.type()), occasion,
                Optional.empty());
    }

    /**
     * An incident whose type changed with its severity (a degradation that became an outage) also gets the new
     * type's playbook, once; it waits for the target while the first one runs.
     */
    @Transactional
    public void escalated(IncidentEscalated escalation) {
        UUID incidentId = incidentId(escalation.incidentId());
        List<Remediation> earlier = remediations.ofIncident(incidentId);
        Playbook playbook = playbooks.select(escalation.type());
        if (earlier.isEmpty() || earlier.stream().anyMatch(r -> r.playbook().equals(playbook.name()))) {
            return;
        }
        Occasion first = earlier.get(0).occasionRecord();
        planner.plan(incidentId, "escalated:" + incidentId + ":" + playbook.name(), "incident", playbook,
                new Occasion(first.incidentId(), escalation.type(), first.title(), first.labels()), Optional.empty());
    }

    /** A reopened incident gets its playbook's run again (the rate limits and the circuit breaker still apply). */
    @Transactional
    public void reopened(IncidentReopened reopened) {
        UUID incidentId = incidentId(reopened.incidentId());
        List<Remediation> earlier = remediations.ofIncident(incidentId);
        if (earlier.isEmpty()) {
            return;
        }
        Occasion occasion = earlier.get(earlier.size() - 1).occasionRecord();
        planner.plan(incidentId, "reopened:" + incidentId + ":" + reopened.signalId(), "incident",
                playbooks.select(occasion.type()), occasion, Optional.empty());
    }

    /** A scaling recommendation gets the scaling playbook's run, once. */
    @Transactional
    public void recommended(ScalingRecommended recommendation) {
        if (recommendation.recommendationId() == null || recommendation.service() == null
                || recommendation.direction() == null) {
            throw new UndecodableEventException("a ScalingRecommended needs its id, service and direction");
        }
        Occasion occasion = Occasion.of(recommendation);
        planner.plan(null, "recommendation:" + recommendation.recommendationId(), "recommendation",
                playbooks.named(occasion.type()).orElseThrow(), occasion, Optional.empty());
    }

    /**
     * A person runs a playbook by hand for an incident; the same {@code requestKey} runs it once.
     *
     * @return the remediation, and whether this call planned it
     */
    @Transactional
    public Planned manual(UUID incidentId, String playbookName, Occasion occasion, Optional<ExecutionMode> mode,
            String principal, String requestKey) {
        Playbook playbook = playbooks.named(playbookName).orElseThrow(() -> ProblemException.invalidField("playbook",
                "no playbook named " + playbookName + "; known: " + playbooks.typesByPlaybook().keySet()));
        String trigger = "manual:" + requestKey;
        Optional<Remediation> existing = remediations.findByTrigger(trigger);
        if (existing.isPresent()) {
            return new Planned(existing.get(), false);
        }
        return new Planned(planner.plan(incidentId, trigger, principal, playbook, occasion, mode).orElseThrow(), true);
    }

    /**
     * The result of a request to plan.
     *
     * @param remediation the remediation
     * @param created     whether this request planned it
     */
    public record Planned(Remediation remediation, boolean created) {
    }

    /** The backup schedule's run that was due at {@code dueAt}, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Remediation> scheduledBackup(String schedule, Occasion occasion, Instant dueAt) {
        return planner.plan(null, "schedule:" + schedule + ":" + dueAt, "schedule",
                playbooks.named(occasion.type()).orElseThrow(), occasion, Optional.empty());
    }

    /** The incident is over: its remediations stop; the steps not run yet never will. */
    @Transactional
    public void resolved(IncidentResolved resolved) {
        UUID incidentId = incidentId(resolved.incidentId());
        Instant now = clock.instant();
        List<Remediation> unfinished = remediations.lockUnfinishedOf(incidentId);
        for (Remediation remediation : unfinished) {
            lifecycle.cancel(remediation, "incident resolved by " + resolved.resolvedBy(), now);
        }
        if (!unfinished.isEmpty()) {
            engine.wakeAfterCommit();
        }
    }

    /** A person asks to reverse what a finished remediation changed. */
    @Transactional
    public Remediation undo(UUID remediationId, String principal) {
        Remediation remediation = remediations.lock(remediationId)
                .orElseThrow(() -> ProblemException.notFound("remediation", remediationId.toString()));
        if (!remediation.status().isFinished() || remediation.status() == RemediationStatus.UNDONE
                || remediation.undoneAt() != null) {
            throw ProblemException.conflict("remediation " + remediationId + " is " + remediation.status()
                    + (remediation.undoneAt() != null ? " and already undone" : "")
                    + ": only a finished remediation that is not undone can be undone");
        }
        if (remediation.undoable().isEmpty()) {
            throw ProblemException.conflict("remediation " + remediationId + " changed nothing that can be restored");
        }
        lifecycle.beginUndo(remediation, principal, null, clock.instant());
        engine.wakeAfterCommit();
        return remediation;
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
