package dev.autopilot.notification;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The service's clock in tests: the real time, shifted, unless a test freezes it. Time only moves forward: a frozen
 * clock is moved on by {@link #advance} or {@link #freezeAt} a later instant, and when it runs again it runs on from
 * where it stood. Replaces the default clock bean.
 */
@Singleton
public class TestClock extends Clock {

    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    /** Stops time where it is now: what is due now still goes out, nothing later becomes due. */
    public synchronized void freeze() {
        frozenAt = instant();
    }

    /** Stops time at a later instant (what falls due by then is due at once). */
    public synchronized void freezeAt(Instant at) {
        if (at.isBefore(instant())) {
            throw new IllegalArgumentException("time only moves forward: " + at + " is before " + instant());
        }
        frozenAt = at;
    }

    /** Moves a frozen clock forward. */
    public synchronized void advance(Duration by) {
        if (frozenAt == null) {
            throw new IllegalStateException("freeze the clock before moving it");
        }
        frozenAt = frozenAt.plus(by);
    }

    /** Lets time run again, on from where it stood. */
    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(Instant.now(), frozenAt);
            frozenAt = null;
        }
    }

    /**
     * The first time it is that day and time in the zone, at least a day from now: far enough ahead that nothing a
     * test did before counts in a storm window.
     */
    public Instant next(DayOfWeek day, LocalTime time, ZoneId zone) {
        ZonedDateTime at = instant().plus(Duration.ofDays(1)).atZone(zone).with(time);
        return at.with(TemporalAdjusters.nextOrSame(day)).toInstant().isBefore(instant().plus(Duration.ofDays(1)))
                ? at.with(TemporalAdjusters.next(day)).toInstant()
                : at.with(TemporalAdjusters.nextOrSame(day)).toInstant();
    }

    @Override
    public synchronized Instant instant() {
        return frozenAt != null ? frozenAt : Instant.now().plus(offset);
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
