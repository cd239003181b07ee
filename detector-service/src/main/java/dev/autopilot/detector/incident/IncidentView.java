package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.Map;

/** An incident as the API shows it. */
public record IncidentView(
        String id,
        String fingerprint,
        String title,
        Severity severity,
        String type,
        String service,
        IncidentStatus status,
        Instant openedAt,
        Instant lastSignalAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        String resolveNote,
        int signalCount,
        Map<String, String> labels) {

    public static IncidentView from(Incident incident) {
        return new IncidentView(incident.id().toString(), incident.fingerprint(), incident.title(),
                incident.severity(), incident.type(), incident.service(), incident.status(), incident.openedAt(),
                incident.lastSignalAt(), incident.acknowledgedAt(), incident.acknowledgedBy(), incident.resolvedAt(),
                incident.resolvedBy(), incident.resolveNote(), incident.signalCount(), incident.labels());
    }
}
