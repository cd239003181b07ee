package dev.autopilot.remediation.safety;

import dev.autopilot.remediation.playbook.RemediationConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The safety rails as configured. */
public class SafetyProducer {

    @Produces
    @Singleton
    ScalingBounds bounds(RemediationConfig config) {
        return new ScalingBounds(config.safety().minTasks(), config.safety().maxTasks());
    }

    @Produces
    @Singleton
    CircuitBreaker breaker(RemediationConfig config) {
        return new CircuitBreaker(config.safety().breakerFailures(), config.safety().breakerOpenFor());
    }

    @Produces
    @Singleton
    RateLimits rateLimits(RemediationConfig config) {
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        config.safety().rateLimits().forEach((kind, limit) -> limits.put(kind, new RateLimit(limit.max(),
                limit.window())));
        return new RateLimits(limits);
    }
}
