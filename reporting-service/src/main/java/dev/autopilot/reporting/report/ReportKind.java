package dev.autopilot.reporting.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The runbook's routine reports: when each runs and the period it covers. A period is whole days in the schedule's
 * zone, {@code [start, end)}, ending at the start of the day the report runs.
 */
public enum ReportKind {

    /** Every day: the day before. */
    DAILY("Daily health check"),

    /** Mondays: the seven days before. */
    WEEKLY("Weekly report"),

    /** The first Monday of each month: the month before. */
    MONTHLY("Monthly maintenance report");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The kind's name in URLs and events: {@code daily}, {@code weekly}, {@code monthly}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportKind> of(String id) {
        for (ReportKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A period of time: {@code [start, end)}. */
    public record Period(Instant start, Instant end) {
    }

    /** The period a report run at {@code at} covers. */
    public Period period(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        LocalDate start;
        LocalDate end = day;
        switch (this) {
            case DAILY:
                start = day.minusDays(1);
                break;
            case WEEKLY:
                start = day.minusDays(7);
                break;
            default:
                end = day.withDayOfMonth(1);
                start = end.minusMonths(1);
                break;
        }
        return new Period(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    /** The first time after {@code after} the kind runs, at {@code time} of day in {@code zone}. */
    public Instant nextRun(Instant after, ZoneId zone, LocalTime time) {
        LocalDate day = LocalDate.ofInstant(after, zone);
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            ZonedDateTime candidate = day.atTime(time).atZone(zone);
            if (candidate.toInstant().isAfter(after) && runsOn(day)) {
                return candidate.toInstant();
            }
        }
        throw new IllegalStateException("no run of " + this + " within 400 days");
    }

    private boolean runsOn(LocalDate day) {
        switch (this) {
            case DAILY:
                return true;
            case WEEKLY:
                return day.getDayOfWeek() == DayOfWeek.MONDAY;
            default:
                return day.equals(day.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        }
    }
}
