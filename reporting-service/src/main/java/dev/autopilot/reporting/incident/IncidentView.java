package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident as the history API shows it: what happened, who acknowledged it, what remediation did, who was
 * paged, and how it ended.
 *
 * @param severity                 the severity now (the latest escalation's, else the opening's)
 * @param openedSeverity           the severity it was opened with
 * @param escalations              how many times a worse signal raised it
 * @param reopenings               how many times it recurred after a resolution
 * @param remediation              the incident's remediation, {@code null} when none has been heard of
 * @param actions                  what remediation's steps did
 * @param notifications            the pages sent, failed and suppressed, and who was paged
 * @param timeToAcknowledgeSeconds from the opening to the first acknowledgement; null if never acknowledged
 * @param timeToResolveSeconds     from the opening to the first resolution; null while unresolved
 * @param resolvedByAutomation     true when it ended without a person (see {@link IncidentRecord#resolvedByAutomation})
 * @param lastEventAt              the time of the latest event heard about the incident
 */
public record IncidentView(
        String id,
        String fingerprint,
        String title,
        Severity severity,
        Severity openedSeverity,
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
        int escalations,
        int reopenings,
        Map<String, String> labels,
        RemediationProgress remediation,
        Actions actions,
        Notifications notifications,
        Long timeToAcknowledgeSeconds,
        Long timeToResolveSeconds,
        boolean resolvedByAutomation,
        Instant lastEventAt) {

    /**
     * What the remediation steps did.
     *
     * @param stepsSucceeded     steps that succeeded (in dry-run: were recorded)
     * @param stepsFailed        steps that failed
     * @param approvalsRequested steps that waited for a person's approval
     * @param rollbacks          live rollbacks of the service to an earlier revision
     */
    public record Actions(int stepsSucceeded, int stepsFailed, int approvalsRequested, int rollbacks) {
    }

    /**
     * The pages sent about an incident.
     *
     * @param sent           how many reached their channel
     * @param failed         how many could not be delivered
     * @param suppressed     how many were due but held back on purpose (storm, page cap, hours)
     * @param firstSentAt    when the first one reached its channel
     * @param escalationStep the furthest step of the escalation policy reached (0: none)
     * @param paged          whom pages reached
     */
    public record Notifications(int sent, int failed, int suppressed, Instant firstSentAt, int escalationStep,
            List<String> paged) {
    }

    public static IncidentView from(IncidentRecord incident) {
        return new IncidentView(incident.id(), incident.fingerprint(), incident.title(), incident.severity(),
                incident.openedSeverity(), incident.type(), incident.service(), incident.status(),
                incident.openedAt(), incident.acknowledgedAt(), incident.acknowledgedBy(),
                incident.acknowledgeNote(), incident.resolvedAt(), incident.resolvedBy(), incident.resolveNote(),
                incident.escalations(), incident.reopenings(), incident.labels(), incident.remediation(),
                new Actions(incident.stepsSucceeded(), incident.stepsFailed(), incident.approvalsRequested(),
                        incident.rollbacks()),
                new Notifications(incident.notificationsSent(), incident.notificationsFailed(),
                        incident.notificationsSuppressed(), incident.firstNotifiedAt(), incident.escalationStep(),
                        incident.paged()),
                seconds(incident.timeToAcknowledge()), seconds(incident.timeToResolve()),
                incident.resolvedByAutomation(), incident.lastEventAt());
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
