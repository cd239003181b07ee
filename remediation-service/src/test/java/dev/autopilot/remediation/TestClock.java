package dev.autopilot.remediation;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time, moved on by {@link #advance} (a wait's deadline, an approval's
 * expiry, a rate limit's window), or frozen at an instant (a backup's name to the second). Replaces the default
 * clock bean.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    /** Moves time on by the duration, for whatever is due later. */
    public void advance(Duration duration) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Stops time at the instant. */
    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    /** Lets time run again, never back: from where it stood if that is later than the time it ran before. */
    public void unfreeze() {
        Instant frozen = frozenAt;
        if (frozen != null) {
            Duration toFrozen = Duration.between(Instant.now(), frozen);
            if (toFrozen.compareTo(offset) > 0) {
                offset = toFrozen;
            }
            frozenAt = null;
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }
}
