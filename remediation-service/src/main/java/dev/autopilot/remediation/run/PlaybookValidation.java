package dev.autopilot.remediation.run;

import dev.autopilot.remediation.action.Actions;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.remediation.playbook.PlaybookStep;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.remediation.playbook.StepConditions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the playbooks and the configuration around them at start-up, and refuses to start on any mistake: every
 * step's service and operation has an action, every condition is known, and every rate limit, approval rule and
 * mode override names a kind, playbook or action that exists.
 */
@ApplicationScoped
public class PlaybookValidation {

    private final PlaybookSelector playbooks;
    private final Actions actions;
    private final RemediationConfig config;
    private final Clock clock;

    @Inject
    public PlaybookValidation(PlaybookSelector playbooks, Actions actions, RemediationConfig config, Clock clock) {
        this.playbooks = playbooks;
        this.actions = actions;
        this.config = config;
        this.clock = clock;
    }

    void check(@Observes StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the playbooks cannot run as configured:\n- " + String.join("\n- ", problems));
        }
    }

    /** What is wrong, for people; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        Set<String> playbookKinds = new HashSet<>();
        for (Playbook playbook : playbooks.all()) {
            Occasion sample = new Occasion("00000000-0000-0000-0000-000000000000", playbook.name(), "parser-agent",
                    Map.of("alarmName", "sample", "agent", config.managedService().agents().isEmpty() ? "none"
                            : config.managedService().agents().get(0)));
            for (PlaybookStep step : playbook.plan(sample, clock.instant())) {
                String where = "playbook " + playbook.name() + ", step '" + step.name() + "': ";
                Effect effect = actions.effectOf(step.service(), step.operation()).orElse(null);
                if (effect == null) {
                    problems.add(where + "no action runs " + step.service() + " " + step.operation());
                } else if (effect == Effect.CHANGE && step.kind() == null) {
                    problems.add(where + "a change needs a kind (for its rate limit and approvals)");
                } else if (effect == Effect.WAIT && (step.timeout() == null || step.timeout().isNegative()
                        || step.timeout().isZero())) {
                    problems.add(where + "a step that waits needs a positive timeout");
                }
                if (step.condition() != null && !StepConditions.isKnown(step.condition())) {
                    problems.add(where + "unknown condition " + step.condition());
                }
                if (step.kind() != null) {
                    kinds.add(step.kind());
                    playbookKinds.add(playbook.name() + "." + step.kind());
                }
            }
        }
        config.safety().rateLimits().keySet().stream().filter(kind -> !kinds.contains(kind))
                .forEach(kind -> problems.add("remediation.safety.rate-limits." + kind + ": no step is a " + kind
                        + "; kinds: " + kinds));
        config.approvals().requiredFor().orElse(List.of()).stream().map(String::trim).filter(e -> !e.isEmpty())
                .filter(entry -> !kinds.contains(entry) && !playbookKinds.contains(entry))
                .forEach(entry -> problems.add("remediation.approvals.required-for: " + entry
                        + " is neither a kind nor a playbook.kind of a step"));
        config.modes().playbooks().keySet().stream().filter(name -> playbooks.named(name).isEmpty())
                .forEach(name -> problems.add("remediation.modes.playbooks." + name + ": no such playbook"));
        config.modes().actions().keySet().stream().filter(key -> !isAction(key))
                .forEach(key -> problems.add("remediation.modes.actions.\"" + key + "\": no action service.Operation"));
        return problems;
    }

    private boolean isAction(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && actions.effectOf(key.substring(0, dot), key.substring(dot + 1)).isPresent();
    }
}
