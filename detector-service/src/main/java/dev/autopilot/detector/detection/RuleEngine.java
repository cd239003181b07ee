package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the rule table to a signal. Alarms (every source but {@code check}) already say whether their condition
 * holds: a firing alarm takes the severity of the worst rule about it, or P2 {@code unclassified} when no rule
 * is about it at all (one only a scaling rule is about opens nothing); a resolved one clears its condition at once. Check samples are judged here: the worst rule whose threshold
 * the value meets and has met for the rule's hold time fires the condition; a sample meeting no rule clears it
 * (after the correlation's hold-down). Scaling rules recommend instead of opening incidents, once per hold, then
 * again only after {@code recommendEvery}.
 */
public final class RuleEngine {

    public static final String UNCLASSIFIED = "unclassified";
    public static final String CHECK = "check";

    private final RuleBook book;
    private final String managedService;
    private final Duration recommendEvery;

    public RuleEngine(RuleBook book, String managedService, Duration recommendEvery) {
        this.book = book;
        this.managedService = managedService;
        this.recommendEvery = recommendEvery;
    }

    public RuleBook book() {
        return book;
    }

    /** The verdicts on one signal: at most one condition and at most one recommendation. */
    public List<Verdict> evaluate(SignalReceived signal, RuleStates states) {
        List<Verdict> verdicts = new ArrayList<>();
        boolean isCheck = CHECK.equals(signal.source());
        Rule worst = null;
        boolean known = false;
        Instant at = signal.observedAt();
        for (Rule rule : book.rules()) {
            if (!rule.isAbout(signal)) {
                continue;
            }
            known = true;
            boolean met = isCheck ? rule.isMetBy(signal) : signal.status() == SignalStatus.FIRING && rule.isMetBy(signal);
            if (!met) {
                states.remove(rule.name(), signal.fingerprint());
                continue;
            }
            RuleState state = states.get(rule.name(), signal.fingerprint()).orElse(null);
            if (state == null) {
                // held times are kept to the microsecond, as the database keeps them
                state = new RuleState(at.truncatedTo(ChronoUnit.MICROS), null);
                states.put(rule.name(), signal.fingerprint(), state);
            }
            Duration held = Duration.between(state.since(), at);
            if (held.compareTo(rule.holdFor()) < 0) {
                continue;
            }
            if (rule.recommendsScaling()) {
                if (state.recommendedAt() == null || !at.isBefore(state.recommendedAt().plus(recommendEvery))) {
                    states.put(rule.name(), signal.fingerprint(), state.recommended(at.truncatedTo(ChronoUnit.MICROS)));
                    verdicts.add(new Verdict.Scale(rule.recommend(), serviceOf(rule, signal), rule.name(),
                            rule.above() != null ? rule.above() : rule.below(), held));
                }
                continue;
            }
            if (worst == null || rule.severity().isWorseThan(worst.severity())) {
                worst = rule;
            }
        }
        Verdict condition = condition(signal, worst, isCheck, known);
        if (condition != null) {
            verdicts.add(0, condition);
        }
        return verdicts;
    }

    private Verdict condition(SignalReceived signal, Rule worst, boolean isCheck, boolean known) {
        String agent = agentOf(worst, signal);
        if (!isCheck && signal.status() == SignalStatus.FIRING) {
            Severity stated = statedSeverity(signal.labels().get("severity"));
            String statedType = signal.labels().get("type");
            if (stated != null || (statedType != null && !statedType.isBlank())) {
                // the sender says how bad it is and what it is: that wins over the table
                Severity severity = stated != null ? stated : worst != null ? worst.severity() : Severity.P2;
                String type = statedType != null && !statedType.isBlank() ? statedType
                        : worst != null ? worst.type() : UNCLASSIFIED;
                String group = "security".equals(type) || "data-loss".equals(type) ? type
                        : worst != null ? worst.group() : RuleBook.DEFAULT_GROUP;
                return new Verdict.Condition(true, severity, type, group, serviceOf(worst, signal), agent,
                        worst != null ? worst.name() : "labels", true);
            }
        }
        if (worst != null) {
            return new Verdict.Condition(true, worst.severity(), worst.type(), worst.group(), serviceOf(worst, signal),
                    agent, worst.name(), !isCheck);
        }
        if (isCheck) {
            // a sample meeting no rule: whatever condition it had has cleared
            return new Verdict.Condition(false, Severity.P3, UNCLASSIFIED, RuleBook.DEFAULT_GROUP,
                    serviceOf(null, signal), agent, "none", false);
        }
        return switch (signal.status()) {
            // an alarm no rule is about still opens an incident; one a rule is about (scaling) does not
            case FIRING -> known ? null : new Verdict.Condition(true, Severity.P2, UNCLASSIFIED,
                    RuleBook.DEFAULT_GROUP, serviceOf(null, signal), agent, "none", true);
            case RESOLVED -> new Verdict.Condition(false, Severity.P2, UNCLASSIFIED, RuleBook.DEFAULT_GROUP,
                    serviceOf(null, signal), agent, "none", true);
            default -> null;
        };
    }

    /** A severity a sender states: P0..P3, or Prometheus' critical, warning and info. */
    static Severity statedSeverity(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "p0" -> Severity.P0;
            case "p1", "critical" -> Severity.P1;
            case "p2", "warning" -> Severity.P2;
            case "p3", "info" -> Severity.P3;
            default -> null;
        };
    }

    private static String agentOf(Rule rule, SignalReceived signal) {
        return rule != null && rule.agent() != null ? rule.agent() : signal.labels().get("agent");
    }

    private String serviceOf(Rule rule, SignalReceived signal) {
        if (rule != null && rule.service() != null) {
            return rule.service();
        }
        String label = signal.labels().get("service");
        return label != null && !label.isBlank() ? label : managedService;
    }
}
