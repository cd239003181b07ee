package dev.autopilot.contracts.recommendation;

import java.time.Instant;

/**
 * The scaling policy says a service should scale: CPU above its target long enough (out), or below its floor long
 * enough (in). Not an incident; the remediation service's scaling playbook decides the step, within its bounds.
 *
 * @param recommendationId the recommendation's id
 * @param service          the ECS service
 * @param cluster          its cluster
 * @param direction        out or in
 * @param metric           what the advice is based on (e.g. {@code AWS/ECS CPUUtilization})
 * @param value            the metric's value when the rule fired
 * @param threshold        the threshold it crossed
 * @param heldForSeconds   how long the condition held
 * @param reason           for people
 * @param recommendedAt    when
 */
public record ScalingRecommended(
        String recommendationId,
        String service,
        String cluster,
        ScalingDirection direction,
        String metric,
        Double value,
        Double threshold,
        long heldForSeconds,
        String reason,
        Instant recommendedAt) implements RecommendationEvent {

    @Override
    public Instant occurredAt() {
        return recommendedAt;
    }
}
