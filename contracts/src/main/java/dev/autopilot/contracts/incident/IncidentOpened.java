package dev.autopilot.contracts.incident;

import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * A new problem: the first firing signal of a fingerprint with no open incident.
 *
 * @param incidentId  the incident's id (a UUID)
 * @param fingerprint the fingerprint of the signal that opened it
 * @param title       a one-line description
 * @param severity    P0 to P3, by the detector's rules
 * @param type        the incident type remediation picks its playbook by: {@code outage}, {@code degradation},
 *                    {@code agent-failure}, {@code security}, {@code data-loss}, {@code unclassified}, ...
 * @param service     the managed service it concerns, when known
 * @param labels      the opening signal's labels (for a CloudWatch alarm: {@code alarmName} and its dimensions)
 * @param signalId    the id of the signal that opened it
 * @param openedAt    when it was opened
 */
public record IncidentOpened(
        String incidentId,
        String fingerprint,
        String title,
        Severity severity,
        String type,
        String service,
        Map<String, String> labels,
        String signalId,
        Instant openedAt) implements IncidentEvent {

    public IncidentOpened {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public Instant occurredAt() {
        return openedAt;
    }
}
