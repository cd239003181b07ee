package dev.autopilot.notification.routing;

import dev.autopilot.contracts.Severity;
import java.util.List;
import java.util.Objects;

/**
 * Picks an incident's escalation policy: the first rule matching its severity and type wins; an incident no rule
 * matches gets the default policy, so every incident pages someone.
 */
public final class Router {

    private final List<RoutingRule> rules;
    private final EscalationPolicy defaultPolicy;

    public Router(List<RoutingRule> rules, EscalationPolicy defaultPolicy) {
        this.rules = List.copyOf(rules);
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    }

    public EscalationPolicy policyFor(Severity severity, String type) {
        for (RoutingRule rule : rules) {
            if (rule.matches(severity, type)) {
                return rule.policy();
            }
        }
        return defaultPolicy;
    }
}
