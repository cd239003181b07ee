package dev.autopilot.notification.routing;

import dev.autopilot.contracts.Severity;

/**
 * One line of the routing table: an incident of this severity and type gets this policy. An absent severity or
 * type matches any.
 *
 * @param severity the severity to match, or null for any
 * @param type     the incident type to match (case-insensitive), or null for any
 * @param policy   the policy it picks
 */
public record RoutingRule(Severity severity, String type, EscalationPolicy policy) {

    public boolean matches(Severity incidentSeverity, String incidentType) {
        return (severity == null || severity == incidentSeverity)
                && (type == null || type.equalsIgnoreCase(incidentType));
    }
}
