package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalReceived;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides how bad a signal is and what kind of incident it opens: the first rule whose pattern matches the
 * signal's title (a CloudWatch alarm's name) wins; a sender may also state both outright with the labels
 * {@code severity} and {@code type}. A signal no rule matches still opens an incident: P2, {@code unclassified}.
 */
public final class Classifier {

    public static final String UNCLASSIFIED = "unclassified";

    /** One line of the rule table. */
    public record Rule(String name, Pattern pattern, Severity severity, String type) {
    }

    /** The verdict, and which rule gave it. */
    public record Classification(Severity severity, String type, String rule) {
    }

    private final List<Rule> rules;

    public Classifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Classification classify(SignalReceived signal) {
        Optional<Severity> stated = severityLabel(signal);
        String statedType = signal.labels().get("type");
        if (stated.isPresent() && statedType != null && !statedType.isBlank()) {
            return new Classification(stated.get(), statedType, "labels");
        }
        String title = signal.title() == null ? "" : signal.title();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(title).matches()) {
                return new Classification(stated.orElse(rule.severity()),
                        statedType != null && !statedType.isBlank() ? statedType : rule.type(), rule.name());
            }
        }
        return new Classification(stated.orElse(Severity.P2),
                statedType != null && !statedType.isBlank() ? statedType : UNCLASSIFIED, "default");
    }

    private static Optional<Severity> severityLabel(SignalReceived signal) {
        String label = signal.labels().get("severity");
        if (label == null) {
            return Optional.empty();
        }
        try {
            Severity severity = Severity.valueOf(label.trim().toUpperCase(Locale.ROOT));
            return severity == Severity.UNKNOWN ? Optional.empty() : Optional.of(severity);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
