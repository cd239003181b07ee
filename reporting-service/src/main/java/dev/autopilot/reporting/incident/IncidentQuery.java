package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Severity;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.reporting.QueryParameters;
import java.time.Instant;

/**
 * Which incidents to list: the filters of {@code GET /incidents} (each optional), and the page.
 *
 * @param status   only incidents in this state
 * @param severity only incidents of this severity
 * @param type     only incidents of this type ({@code outage}, ...)
 * @param service  only incidents concerning this managed service
 * @param from     only incidents opened at or after this instant
 * @param to       only incidents opened before this instant
 * @param text     only incidents whose title, fingerprint, id, type or service contains this (any case)
 * @param sort     the order
 * @param offset   how many of the matching incidents, in that order, to skip
 * @param limit    how many to return at most
 */
public record IncidentQuery(IncidentStatus status, Severity severity, String type, String service, Instant from,
        Instant to, String text, Sort sort, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** A CSV export lists up to this many incidents (all of them, by default). */
    public static final int MAX_EXPORT = 10_000;

    /** The orders the list can be sorted in; a leading {@code -} in the parameter means descending. */
    public enum SortField {
        OPENED_AT("openedAt"),
        SEVERITY("severity"),
        STATUS("status"),
        SERVICE("service"),
        TYPE("type"),
        RESOLVED_AT("resolvedAt");

        private final String property;

        SortField(String property) {
            this.property = property;
        }

        /** The entity property sorted on. */
        public String property() {
            return property;
        }
    }

    /** An order: a field, and whether it is descending. The opening time (newest first) and id break ties. */
    public record Sort(SortField field, boolean descending) {

        public static final Sort NEWEST_FIRST = new Sort(SortField.OPENED_AT, true);
    }

    /** Reads the query parameters of the list; a value that does not fit is a 400 problem naming its field. */
    public static IncidentQuery parse(String status, String severity, String type, String service, String from,
            String to, String text, String sort, String offset, String limit) {
        return parse(status, severity, type, service, from, to, text, sort, offset, limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** Reads the query parameters of a CSV export: the same, but by default every match, up to {@link #MAX_EXPORT}. */
    public static IncidentQuery parseExport(String status, String severity, String type, String service,
            String from, String to, String text, String sort, String offset, String limit) {
        return parse(status, severity, type, service, from, to, text, sort, offset, limit, MAX_EXPORT, MAX_EXPORT);
    }

    private static IncidentQuery parse(String status, String severity, String type, String service, String from,
            String to, String text, String sort, String offset, String limit, int defaultLimit, int maxLimit) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return new IncidentQuery(QueryParameters.constant(IncidentStatus.class, "status", status),
                QueryParameters.constant(Severity.class, "severity", severity), text(type), text(service), start, end, text(text),
                sort(sort), QueryParameters.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParameters.number("limit", limit, defaultLimit, 1, maxLimit));
    }

    private static Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return Sort.NEWEST_FIRST;
        }
        String trimmed = value.trim();
        boolean descending = trimmed.startsWith("-");
        String name = descending ? trimmed.substring(1) : trimmed;
        for (SortField field : SortField.values()) {
            if (field.property().equalsIgnoreCase(name)) {
                return new Sort(field, descending);
            }
        }
        throw ProblemException.invalidField("sort", "must be one of openedAt, severity, status, service, type, "
                + "resolvedAt, each optionally preceded by - for descending");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
