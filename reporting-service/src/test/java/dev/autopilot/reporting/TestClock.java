package dev.autopilot.reporting;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time, unless a test sets it to an instant of its choosing (a report's due
 * time, "now" for SLO windows). Replaces the default clock bean. Tests that set it put it back with {@link #reset}.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant setTo;

    /** From now on, the time is this instant, until set again or reset. */
    public void set(Instant instant) {
        setTo = instant;
    }

    /** Lets time run again, from the real time. */
    public void reset() {
        setTo = null;
    }

    @Override
    public Instant instant() {
        Instant set = setTo;
        return set != null ? set : Instant.now();
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
