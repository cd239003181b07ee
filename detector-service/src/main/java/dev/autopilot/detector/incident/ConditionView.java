package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.Map;

/** One condition of an incident as the API shows it: a fingerprint's signals, summed up. */
public record ConditionView(
        String fingerprint,
        String source,
        String title,
        String rule,
        Severity severity,
        String type,
        String agent,
        ConditionStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Instant clearedAt,
        Instant clearDueAt,
        long signalCount,
        Double lastValue,
        Map<String, String> labels) {

    public static ConditionView from(IncidentCondition condition) {
        return new ConditionView(condition.fingerprint(), condition.source(), condition.title(), condition.rule(),
                condition.severity(), condition.type(), condition.agent(), condition.status(), condition.firstSeenAt(),
                condition.lastSeenAt(), condition.clearedAt(), condition.clearDueAt(), condition.signalCount(),
                condition.lastValue(), condition.labels());
    }
}
