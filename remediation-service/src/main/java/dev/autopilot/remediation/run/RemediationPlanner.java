package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.action.Actions;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.audit.AuditTrail;
import dev.autopilot.remediation.mode.ModeSettings;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.remediation.playbook.PlaybookStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records a playbook's run for what asked for it, once per trigger: the steps as the playbook plans them now, the
 * mode, the target; announces it ({@code RemediationPlanned}) and wakes the engine once the transaction commits.
 * Also previews a plan without recording anything.
 */
@ApplicationScoped
public class RemediationPlanner {

    private static final Logger LOG = Logger.getLogger(RemediationPlanner.class);

    private final RemediationRepository remediations;
    private final RemediationPublisher publisher;
    private final PlaybookSelector playbooks;
    private final Actions actions;
    private final ModeSettings modes;
    private final RemediationEngine engine;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RemediationPlanner(RemediationRepository remediations, RemediationPublisher publisher,
            PlaybookSelector playbooks, Actions actions, ModeSettings modes, RemediationEngine engine,
            AuditTrail audit, Clock clock) {
        this.remediations = remediations;
        this.publisher = publisher;
        this.playbooks = playbooks;
        this.actions = actions;
        this.modes = modes;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What would run, recorded nowhere.
     *
     * @param playbook the playbook
     * @param mode     live or dry-run
     * @param target   what it would act on
     * @param steps    its steps
     */
    public record Preview(String playbook, ExecutionMode mode, String target, List<PlaybookStep> steps) {
    }

    public Preview preview(Playbook playbook, Occasion occasion, Optional<ExecutionMode> asked) {
        return new Preview(playbook.name(), modes.forRemediation(playbook.name(), asked), playbook.target(occasion),
                playbooks.plan(playbook, occasion, clock.instant()));
    }

    /** Plans the run unless the trigger has one; empty when it had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Remediation> plan(UUID incidentId, String trigger, String requestedBy, Playbook playbook,
            Occasion occasion, Optional<ExecutionMode> asked) {
        if (remediations.findByTrigger(trigger).isPresent()) {
            LOG.debugf("%s already has its remediation; not planning another", trigger);
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<PlaybookStep> steps = playbooks.plan(playbook, occasion, now);
        boolean changes = steps.stream().anyMatch(step ->
                actions.effectOf(step.service(), step.operation()).orElse(Effect.READ) == Effect.CHANGE);
        ExecutionMode mode = modes.forRemediation(playbook.name(), asked);
        Remediation remediation = Remediation.plan(new Remediation.Plan(incidentId, trigger, requestedBy,
                playbook.name(), mode, playbook.target(occasion), changes, occasion), steps, now);
        remediations.persist(remediation);
        publisher.planned(remediation);
        audit.append(new AuditTrail.Fact(requestedBy, "planned", remediation.id(), incidentId, null,
                remediation.target(), null, playbook.name() + ", " + steps.size() + " steps, " + mode), now);
        engine.wakeAfterCommit();
        LOG.infof("incident %s: remediation %s planned (%s, playbook %s on %s, %d steps, asked by %s)", incidentId,
                remediation.id(), mode, playbook.name(), remediation.target(), steps.size(), requestedBy);
        return Optional.of(remediation);
    }
}
