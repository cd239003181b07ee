package dev.autopilot.detector.detection;

import java.util.List;

/** The rule table, in order, and where it was read from. */
public record RuleBook(String source, List<Rule> rules) {

    /** The group of incidents rules join unless they say otherwise. */
    public static final String DEFAULT_GROUP = "operations";

    public RuleBook {
        rules = List.copyOf(rules);
    }
}
