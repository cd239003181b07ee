package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.signal.SignalReceived;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One line of the rule table: which signals it is about ({@code match}), the condition on their value
 * ({@code above}/{@code below}, when given), how long the condition must hold ({@code holdFor}), and what follows:
 * an incident of a severity and type, or a scaling recommendation.
 *
 * @param match   signal attributes and the patterns they must match: {@code source}, {@code title}, or any label
 *                name; a list of patterns means any of them
 * @param group   which incidents signals of this rule may join: those of the same service and group
 * @param service the managed service the rule concerns, when not the signal's own {@code service} label
 * @param agent   the agent the rule concerns, when not the signal's own {@code agent} label (an alert named after
 *                an agent, say); remediation restarts that agent
 */
public record Rule(
        String name,
        String description,
        Map<String, List<Glob>> match,
        Double above,
        Double below,
        Duration holdFor,
        Severity severity,
        String type,
        String group,
        String service,
        String agent,
        ScalingDirection recommend,
        int line) {

    public Rule {
        match = Map.copyOf(match);
        holdFor = holdFor == null ? Duration.ZERO : holdFor;
    }

    /** Whether the signal is one this rule is about (its attributes match), whatever its value. */
    public boolean isAbout(SignalReceived signal) {
        for (Map.Entry<String, List<Glob>> entry : match.entrySet()) {
            String value = attribute(signal, entry.getKey());
            if (entry.getValue().stream().noneMatch(glob -> glob.matches(value))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the signal's value meets the rule's threshold; a rule without one is met by the signal itself. */
    public boolean isMetBy(SignalReceived signal) {
        if (above == null && below == null) {
            return true;
        }
        Double value = signal.value();
        if (value == null) {
            return false;
        }
        return (above == null || value > above) && (below == null || value < below);
    }

    public boolean recommendsScaling() {
        return recommend != null;
    }

    public boolean hasThreshold() {
        return above != null || below != null;
    }

    static String attribute(SignalReceived signal, String name) {
        return switch (name) {
            case "source" -> signal.source();
            case "title" -> signal.title();
            default -> signal.labels().get(name);
        };
    }
}
