package dev.autopilot.detector.detection;

import java.util.Collection;
import java.util.List;

/** The rule table, in order, and where it was read from. */
public record RuleBook(String source, List<Rule> rules) {

    /** The group of incidents rules join unless they say otherwise. */
    public static final String DEFAULT_GROUP = "operations";

    public RuleBook {
        rules = List.copyOf(rules);
    }

    /**
     * Refuses a table whose rules name an agent the managed service does not have (a typo would otherwise leave the
     * agent's failures with nobody to restart it), naming each line.
     */
    public RuleBook requireAgents(Collection<String> agents) {
        List<String> problems = rules.stream().filter(rule -> rule.agent() != null && !agents.contains(rule.agent()))
                .map(rule -> source + " line " + rule.line() + ": rule '" + rule.name() + "': agent '" + rule.agent()
                        + "' is not one of the managed service's agents (detector.managed.agents: "
                        + String.join(", ", agents) + ")")
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRuleBookException(String.join("\n", problems));
        }
        return this;
    }
}
