package dev.autopilot.remediation.run;

import dev.autopilot.remediation.action.Actions;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.remediation.playbook.PlaybookStep;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.remediation.playbook.StepConditions;
import dev.autopilot.remediation.playbook.TrafficSurge;
import dev.autopilot.remediation.safety.CircuitBreaker;
import dev.autopilot.remediation.safety.RateLimit;
import dev.autopilot.remediation.safety.ScalingBounds;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the playbooks and the configuration around them at start-up, and refuses to start on any mistake: every
 * step's service and operation has an action, every condition is known, every rate limit, approval rule and
 * mode override names a kind, playbook or action that exists, and the numbers the conditions and safety rails are
 * built from are ones they accept (those are built on first use, after the start, so they are checked here).
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
        Set<String> kinds = new TreeSet<>();
        Set<String> playbookKinds = new TreeSet<>();
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
        accepted(problems, "remediation.playbooks.surge-factor",
                () -> new TrafficSurge(config.playbooks().surgeFactor()));
        accepted(problems, "remediation.safety.min-tasks, max-tasks",
                () -> new ScalingBounds(config.safety().minTasks(), config.safety().maxTasks()));
        accepted(problems, "remediation.safety.breaker-failures, breaker-open-for",
                () -> new CircuitBreaker(config.safety().breakerFailures(), config.safety().breakerOpenFor()));
        new TreeSet<>(config.safety().rateLimits().keySet()).forEach(kind -> {
            if (!kinds.contains(kind)) {
                problems.add("remediation.safety.rate-limits." + kind + ": no step is a " + kind + "; kinds: " + kinds);
            }
            RemediationConfig.RateLimitConfig limit = config.safety().rateLimits().get(kind);
            accepted(problems, "remediation.safety.rate-limits." + kind,
                    () -> new RateLimit(limit.max(), limit.window()));
        });
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

    /** Adds a problem when what the setting builds refuses it. */
    private static void accepted(List<String> problems, String setting, Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException refused) {
            problems.add(setting + ": " + refused.getMessage());
        }
    }

    private boolean isAction(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && actions.effectOf(key.substring(0, dot), key.substring(dot + 1)).isPresent();
    }
}
