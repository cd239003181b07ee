package dev.autopilot.notification.routing;

import dev.autopilot.contracts.Severity;
import java.util.Map;

/**
 * One line of the routing table: an incident of this severity, type and service, with these labels, gets this
 * policy. An absent criterion matches any incident.
 *
 * @param severity the severity to match, or null for any
 * @param type     the incident type to match (case-insensitive), or null for any
 * @param service  the service to match (exactly), or null for any
 * @param labels   labels the incident must carry with exactly these values; empty for any
 * @param policy   the policy it picks
 */
public record RoutingRule(Severity severity, String type, String service, Map<String, String> labels,
        EscalationPolicy policy) {

    public RoutingRule {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean matches(IncidentFacts incident) {
        return (severity == null || severity == incident.severity())
                && (type == null || type.equalsIgnoreCase(incident.type()))
                && (service == null || service.equals(incident.service()))
                && labels.entrySet().stream().allMatch(l -> l.getValue().equals(incident.labels().get(l.getKey())));
    }
}
