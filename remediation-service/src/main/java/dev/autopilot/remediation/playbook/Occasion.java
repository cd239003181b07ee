package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a remediation answers: an incident (its id, type, title and labels), a scaling recommendation, a person's
 * request or the backup schedule. Playbooks read it to name their targets and parameters.
 *
 * @param incidentId the incident, or null when it answers none
 * @param type       the incident type (or {@code scaling}, {@code backup}): what picks the playbook
 * @param title      one line, for people
 * @param labels     the incident's labels ({@code alarmName}, {@code dimension.ServiceName}, {@code agent},
 *                   {@code bucket}, ...); for a recommendation, its service, cluster and direction
 */
public record Occasion(String incidentId, String type, String title, Map<String, String> labels) {

    public Occasion {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        title = title == null ? "" : title;
    }

    public static Occasion of(IncidentOpened incident) {
        return new Occasion(incident.incidentId(), incident.type(), incident.title(), incident.labels());
    }

    /** A scaling recommendation: not an incident; its service and cluster as the alarm dimensions name them. */
    public static Occasion of(ScalingRecommended recommendation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dimension.ServiceName", recommendation.service());
        if (recommendation.cluster() != null) {
            labels.put("dimension.ClusterName", recommendation.cluster());
        }
        labels.put("direction", recommendation.direction().name());
        labels.put("recommendationId", recommendation.recommendationId());
        return new Occasion(null, ScalingPlaybook.NAME, recommendation.reason(), labels);
    }

    public String label(String name) {
        return labels.get(name);
    }
}
