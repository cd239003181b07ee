package dev.autopilot.remediation.safety;

import java.util.Map;
import java.util.Optional;

/**
 * The rate limits by kind of action ({@code rollback}: the runbook's 3 per service per hour); a kind not listed is
 * not limited.
 *
 * @param byKind the limits
 */
public record RateLimits(Map<String, RateLimit> byKind) {

    public RateLimits {
        byKind = Map.copyOf(byKind);
    }

    public Optional<RateLimit> of(String kind) {
        return kind == null ? Optional.empty() : Optional.ofNullable(byKind.get(kind));
    }
}
