package dev.autopilot.reporting;

import dev.autopilot.support.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** How query parameters read, the same on every endpoint; a value that does not fit is a 400 naming its field. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 date-time with its offset ({@code 2026-11-26T05:00:00Z}), or a date (its start, in UTC). */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field,
                    "must be an ISO-8601 date-time with offset, like 2026-11-26T05:00:00Z, or a date, like 2026-11-26");
        }
    }

    public static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ProblemException.invalidField(field, max == Integer.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max);
    }

    /** A constant of the enum, in any case; null when absent. */
    public static <E extends Enum<E>> E constant(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
