package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Severity;
import dev.autopilot.support.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which incidents to list: the filters of {@code GET /incidents} (each optional), and the page.
 *
 * @param status   only incidents in this state
 * @param severity only incidents of this severity
 * @param type     only incidents of this type ({@code outage}, ...)
 * @param service  only incidents concerning this managed service
 * @param from     only incidents opened at or after this instant
 * @param to       only incidents opened before this instant
 * @param offset   how many of the matching incidents, newest first, to skip
 * @param limit    how many to return at most
 */
public record IncidentQuery(IncidentStatus status, Severity severity, String type, String service, Instant from,
        Instant to, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Reads the query parameters as given; a value that does not fit is a 400 problem naming its field. */
    public static IncidentQuery parse(String status, String severity, String type, String service, String from,
            String to, String offset, String limit) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return new IncidentQuery(constant(IncidentStatus.class, "status", status),
                constant(Severity.class, "severity", severity), text(type), text(service), start, end,
                number("offset", offset, 0, 0, Integer.MAX_VALUE), number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An ISO-8601 date-time with its offset ({@code 2026-11-26T05:00:00Z}), or a date (its start, in UTC). */
    private static Instant instant(String field, String value) {
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

    private static int number(String field, String value, int fallback, int min, int max) {
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
}
