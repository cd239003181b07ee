package dev.autopilot.notification.delivery;

import java.time.Duration;

/**
 * Bounded exponential backoff: the wait after the n-th failed attempt is {@code initial * multiplier^(n-1)}, never
 * more than {@code max}.
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial backoff must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum backoff must be at least the initial one");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("the backoff multiplier must be at least 1");
        }
    }

    static Backoff from(DeliveryConfig.BackoffConfig config) {
        return new Backoff(config.initial(), config.max(), config.multiplier());
    }

    /** The wait before the next attempt, after {@code failedAttempts} (at least 1) attempts failed. */
    public Duration after(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
