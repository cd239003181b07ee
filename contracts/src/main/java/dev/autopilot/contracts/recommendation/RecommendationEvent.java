package dev.autopilot.contracts.recommendation;

import dev.autopilot.contracts.Event;

/**
 * Events on {@code recommendations.v1}, keyed by the managed service they concern: what the detector advises that
 * is not an incident. Produced by the detector; the remediation service acts on them.
 */
public sealed interface RecommendationEvent extends Event permits ScalingRecommended {

    String service();

    @Override
    default String subject() {
        return service();
    }
}
