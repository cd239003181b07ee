package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * An incident as the history API shows it: what happened, who acknowledged it, what remediation did, how many
 * pages went out, and how it ended.
 *
 * @param remediation   the incident's remediation, {@code null} when none has been heard of
 * @param notifications the pages sent and failed
 * @param lastEventAt   the time of the latest event heard about the incident
 */
public record IncidentView(
        String id,
        String fingerprint,
        String title,
        Severity severity,
        String type,
        String service,
        IncidentStatus status,
        Instant openedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String acknowledgeNote,
        Instant resolvedAt,
        String resolvedBy,
        String resolveNote,
        Map<String, String> labels,
        RemediationProgress remediation,
        Notifications notifications,
        Instant lastEventAt) {

    /**
     * The pages sent about an incident.
     *
     * @param sent        how many reached their channel
     * @param failed      how many could not be delivered
     * @param firstSentAt when the first one reached its channel
     */
    public record Notifications(int sent, int failed, Instant firstSentAt) {
    }

    public static IncidentView from(IncidentRecord incident) {
        return new IncidentView(incident.id(), incident.fingerprint(), incident.title(), incident.severity(),
                incident.type(), incident.service(), incident.status(), incident.openedAt(),
                incident.acknowledgedAt(), incident.acknowledgedBy(), incident.acknowledgeNote(),
                incident.resolvedAt(), incident.resolvedBy(), incident.resolveNote(), incident.labels(),
                incident.remediation(),
                new Notifications(incident.notificationsSent(), incident.notificationsFailed(),
                        incident.firstNotifiedAt()),
                incident.lastEventAt());
    }
}
