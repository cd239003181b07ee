package dev.autopilot.reporting.measure;

import dev.autopilot.contracts.Severity;
import dev.autopilot.reporting.incident.IncidentRecord;
import dev.autopilot.reporting.incident.RemediationStatus;
import java.time.Instant;

/**
 * What the measures need of one incident.
 *
 * @param remediation the outcome of its remediation; null when none was heard of
 */
public record IncidentFacts(Severity severity, String service, Instant openedAt, Instant acknowledgedAt,
        Instant resolvedAt, boolean resolvedByAutomation, RemediationStatus remediation, int rollbacks) {

    public static IncidentFacts from(IncidentRecord incident) {
        return new IncidentFacts(incident.severity(), incident.service(), incident.openedAt(),
                incident.acknowledgedAt(), incident.resolvedAt(), incident.resolvedByAutomation(),
                incident.remediation() == null ? null : incident.remediation().status(), incident.rollbacks());
    }
}
