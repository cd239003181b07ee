package dev.autopilot.detector.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident as the API shows it; with its conditions when one incident is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
        String id,
        String fingerprint,
        String title,
        Severity severity,
        String type,
        String service,
        String agent,
        IncidentStatus status,
        Instant openedAt,
        Instant lastSignalAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String acknowledgeNote,
        Instant resolvedAt,
        String resolvedBy,
        String resolveNote,
        int signalCount,
        boolean flapping,
        int reopenedCount,
        Map<String, String> labels,
        List<ConditionView> conditions) {

    public static IncidentView from(Incident incident) {
        return from(incident, null);
    }

    public static IncidentView from(Incident incident, List<IncidentCondition> conditions) {
        return new IncidentView(incident.id().toString(), incident.fingerprint(), incident.title(),
                incident.severity(), incident.type(), incident.service(), incident.agent(), incident.status(),
                incident.openedAt(), incident.lastSignalAt(), incident.acknowledgedAt(), incident.acknowledgedBy(),
                incident.acknowledgeNote(), incident.resolvedAt(), incident.resolvedBy(), incident.resolveNote(),
                incident.signalCount(), incident.flapping(), incident.reopenedCount(), incident.labels(),
                conditions == null ? null : conditions.stream().map(ConditionView::from).toList());
    }
}
