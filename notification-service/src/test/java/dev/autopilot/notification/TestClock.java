package dev.autopilot.notification;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time, unless a test freezes it to hold back every retry (a retry is due
 * only once the clock passes its due time). Replaces the default clock bean.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant frozenAt;

    /** Stops time where it is now: what is due now still goes out, nothing later becomes due. */
    public void freeze() {
        frozenAt = Instant.now();
    }

    /** Lets time run again, from the real time. */
    public void unfreeze() {
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now();
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
