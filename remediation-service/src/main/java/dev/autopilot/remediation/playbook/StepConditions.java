package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conditions a step may run under, decided when it is reached from what the steps before it found out:
 * <ul>
 * <li>{@value #ROLLBACK}: the outage calls for the emergency rollback ({@link RollbackDecision});</li>
 * <li>{@value #SURGE}: no rollback, and traffic surged ({@link TrafficSurge});</li>
 * <li>{@value #AFTER_CHANGE}: an earlier step of the remediation changed something (waits and verifications);</li>
 * <li>{@code cooldown-over:<ISO duration>}: the target was not scaled within that long.</li>
 * </ul>
 */
public final class StepConditions {

    public static final String ROLLBACK = "rollback-indicated";
    public static final String SURGE = "surge-without-rollback";
    public static final String AFTER_CHANGE = "after-a-change";
    public static final String COOLDOWN_PREFIX = "cooldown-over:";

    /** Facts the engine adds from this service's own history of the target. */
    public static final String LAST_ROLLBACK_TO = "history.lastRollbackTo";
    public static final String LAST_ROLLBACK_AT = "history.lastRollbackAt";
    public static final String LAST_SCALED_AT = "history.lastScaledAt";

    /** The request counts of the evidence window, oldest first (from the outage's CloudWatch step). */
    public static final String REQUEST_COUNTS = "metric.RequestCount.Sum";

    private final RollbackDecision rollback;
    private final TrafficSurge surge;

    public StepConditions(RollbackDecision rollback, TrafficSurge surge) {
        this.rollback = rollback;
        this.surge = surge;
    }

    /** The condition that holds when the target was not scaled within {@code cooldown}. */
    public static String cooldownOver(Duration cooldown) {
        return COOLDOWN_PREFIX + cooldown;
    }

    /** Whether a condition is one of these (checked when the playbooks are validated at start-up). */
    public static boolean isKnown(String condition) {
        if (condition.startsWith(COOLDOWN_PREFIX)) {
            try {
                Duration.parse(condition.substring(COOLDOWN_PREFIX.length()));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return List.of(ROLLBACK, SURGE, AFTER_CHANGE).contains(condition);
    }

    /**
     * What a condition is decided on.
     *
     * @param facts         what earlier steps found out, and the target's history
     * @param changedBefore whether an earlier step of the remediation changed something
     * @param now           the time
     */
    public record Context(Map<String, Object> facts, boolean changedBefore, Instant now) {
    }

    /**
     * Whether the condition holds, and why, for people.
     *
     * @param holds  whether it holds
     * @param reason why
     */
    public record Verdict(boolean holds, String reason) {
    }

    public Verdict evaluate(String condition, Context context) {
        if (ROLLBACK.equals(condition)) {
            return rollback(context);
        }
        if (SURGE.equals(condition)) {
            Verdict rollBack = rollback(context);
            if (rollBack.holds()) {
                return new Verdict(false, "the service is rolled back instead: " + rollBack.reason());
            }
            TrafficSurge.Verdict surged = surge.detect(numbers(context.facts().get(REQUEST_COUNTS)));
            return new Verdict(surged.surged(), (surged.surged() ? "traffic surged: " : "no traffic surge: ")
                    + surged.reason());
        }
        if (AFTER_CHANGE.equals(condition)) {
            return new Verdict(context.changedBefore(), context.changedBefore()
                    ? "an earlier step changed something" : "no earlier step changed anything");
        }
        if (condition.startsWith(COOLDOWN_PREFIX)) {
            Duration cooldown = Duration.parse(condition.substring(COOLDOWN_PREFIX.length()));
            Instant last = instant(context.facts().get(LAST_SCALED_AT));
            if (last == null || !last.plus(cooldown).isAfter(context.now())) {
                return new Verdict(true, last == null ? "not scaled before" : "last scaled at " + last);
            }
            return new Verdict(false, "in cooldown: last scaled at " + last + ", next scaling from "
                    + last.plus(cooldown));
        }
        throw new IllegalArgumentException("unknown step condition " + condition);
    }

    private Verdict rollback(Context context) {
        Map<String, Object> facts = context.facts();
        Object current = facts.get("taskDefinition");
        if (current == null) {
            return new Verdict(false, "the service's task definition is not known (it was not read)");
        }
        RollbackDecision.Verdict verdict = rollback.decide(new RollbackDecision.Evidence(String.valueOf(current),
                instant(facts.get("deployedAt")), Boolean.TRUE.equals(facts.get("deploymentFailed")),
                facts.get(LAST_ROLLBACK_TO) == null ? null : String.valueOf(facts.get(LAST_ROLLBACK_TO)),
                instant(facts.get(LAST_ROLLBACK_AT))), context.now());
        return new Verdict(verdict.rollBack(), verdict.reason());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant at ? at : Instant.parse(String.valueOf(value));
    }

    private static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(((Number) item).doubleValue()));
        }
        return out;
    }
}
