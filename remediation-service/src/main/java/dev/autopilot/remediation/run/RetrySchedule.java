package dev.autopilot.remediation.run;

import java.time.Duration;

/**
 * How a step whose failure may pass (throttling, a 5xx, a timeout) is tried again: at most {@code maxAttempts}
 * attempts, the first included, with exponential backoff from {@code initial}, never more than {@code max}. The
 * AWS SDK's own retries happen inside each attempt.
 *
 * @param maxAttempts attempts of a step, the first included
 * @param initial     the wait after the first failed attempt
 * @param max         the longest wait
 */
public record RetrySchedule(int maxAttempts, Duration initial, Duration max) {

    public RetrySchedule {
        if (maxAttempts < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a retry schedule needs maxAttempts >= 1 and 0 < initial <= max");
        }
    }

    /** Whether another attempt may follow {@code attemptsMade} attempts. */
    public boolean allowsAnother(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after {@code failedAttempts} (at least 1) attempts failed: initial, doubled each time, capped. */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(30, Math.max(0, failedAttempts - 1));
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
