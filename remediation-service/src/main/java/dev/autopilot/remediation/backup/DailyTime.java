package dev.autopilot.remediation.backup;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A time of day, in UTC, something runs at every day.
 *
 * @param at the time of day
 */
public record DailyTime(LocalTime at) {

    /** {@code HH:mm} (or {@code HH:mm:ss}). */
    public static DailyTime parse(String text) {
        try {
            return new DailyTime(LocalTime.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day (HH:mm): " + text, e);
        }
    }

    /** The first such time strictly after {@code now}. */
    public Instant nextAfter(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(at);
        ZonedDateTime next = today.toInstant().isAfter(now) ? today : today.plusDays(1);
        return next.toInstant();
    }
}
