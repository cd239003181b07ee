package dev.autopilot.remediation.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * At most {@code max} executions of one kind of action on one target within a sliding window (the runbook's
 * default: 3 rollbacks of a service per hour).
 *
 * @param max    executions allowed within the window
 * @param window the window's length
 */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        if (max < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs max >= 0 and a positive window");
        }
    }

    /** Whether one more execution may run now, given when the earlier ones ran. */
    public boolean allows(Collection<Instant> executions, Instant now) {
        return countWithin(executions, now) < max;
    }

    /** How many of the executions fall within the window that ends now (its start excluded). */
    public long countWithin(Collection<Instant> executions, Instant now) {
        Instant since = now.minus(window);
        return executions.stream().filter(at -> at.isAfter(since) && !at.isAfter(now)).count();
    }

    /** When one more execution will be allowed again, if not now: the moment enough of them leave the window. */
    public Optional<Instant> allowedAgainAt(Collection<Instant> executions, Instant now) {
        if (allows(executions, now)) {
            return Optional.empty();
        }
        Instant since = now.minus(window);
        long excess = countWithin(executions, now) - max;
        return executions.stream().filter(at -> at.isAfter(since) && !at.isAfter(now)).sorted()
                .skip(excess).findFirst().map(at -> at.plus(window));
    }
}
