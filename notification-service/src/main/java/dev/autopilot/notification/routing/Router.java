package dev.autopilot.notification.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks an incident's escalation policy: the first rule matching its severity, type, service and labels wins; an
 * incident no rule matches gets the default policy, so every incident pages someone. Also knows every contact and
 * policy by name, and the roster of who is reachable when.
 */
public final class Router {

    private final List<RoutingRule> rules;
    private final EscalationPolicy defaultPolicy;
    private final Map<String, EscalationPolicy> policies;
    private final Roster roster;

    public Router(List<RoutingRule> rules, EscalationPolicy defaultPolicy, Map<String, EscalationPolicy> policies,
            Roster roster) {
        this.rules = List.copyOf(rules);
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        this.policies = Map.copyOf(policies);
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    public EscalationPolicy policyFor(IncidentFacts incident) {
        for (RoutingRule rule : rules) {
            if (rule.matches(incident)) {
                return rule.policy();
            }
        }
        return defaultPolicy;
    }

    /** The policy of that name, if configured (one that was removed since an incident started it is absent). */
    public Optional<EscalationPolicy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    public Map<String, EscalationPolicy> policies() {
        return policies;
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    public EscalationPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public Roster roster() {
        return roster;
    }
}
