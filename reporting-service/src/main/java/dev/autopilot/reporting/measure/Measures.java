package dev.autopilot.reporting.measure;

import dev.autopilot.reporting.incident.RemediationStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incident measures of a period: MTTA (opened to first acknowledgement), MTTR (opened to first resolution),
 * the share resolved by automation alone, the remediation success rate, and rollbacks per week; overall and per
 * group. Incidents count in the period they were opened in, {@code [from, to)}.
 */
public final class Measures {

    private static final double SECONDS_PER_WEEK = Duration.ofDays(7).toSeconds();

    private Measures() {
    }

    /**
     * The measures of one group of incidents.
     *
     * @param key                     the group (a severity, a service, a period's first day); {@code all} overall
     * @param from                    the start of the time the group covers
     * @param to                      its end (exclusive)
     * @param incidents               incidents opened in it
     * @param acknowledged            of those, acknowledged
     * @param resolved                of those, resolved
     * @param mttaSeconds             mean time to acknowledge, over those acknowledged; null if none was
     * @param mttrSeconds             mean time to resolve, over those resolved; null if none was
     * @param resolvedByAutomation    how many ended without a person
     * @param automationShare         that, in percent of those resolved; null if none was
     * @param remediationsFinished    remediations with an outcome (succeeded, escalated, failed, undone)
     * @param remediationSuccessRate  succeeded, in percent of those; null if none finished
     * @param rollbacks               live rollbacks
     * @param rollbacksPerWeek        rollbacks over the weeks the group covers
     */
    public record Group(String key, Instant from, Instant to, int incidents, int acknowledged, int resolved,
            Double mttaSeconds, Double mttrSeconds, int resolvedByAutomation, Double automationShare,
            int remediationsFinished, Double remediationSuccessRate, int rollbacks, double rollbacksPerWeek) {
    }

    /** The measures overall and by group; groups in key order (periods in time order, empty periods included). */
    public record Table(Group overall, List<Group> groups) {
    }

    public static Table of(List<IncidentFacts> incidents, GroupBy groupBy, ZoneId zone, Instant from, Instant to) {
        Group overall = group("all", from, to, incidents);
        if (groupBy == GroupBy.NONE) {
            return new Table(overall, List.of());
        }
        Map<String, List<IncidentFacts>> byKey = new TreeMap<>();
        Map<String, Instant[]> spans = new TreeMap<>();
        if (groupBy.isPeriod()) {
            for (LocalDate day = periodStart(LocalDate.ofInstant(from, zone), groupBy);
                    day.atStartOfDay(zone).toInstant().isBefore(to); day = next(day, groupBy)) {
                Instant start = max(day.atStartOfDay(zone).toInstant(), from);
                Instant end = min(next(day, groupBy).atStartOfDay(zone).toInstant(), to);
                byKey.put(key(day, groupBy), new ArrayList<>());
                spans.put(key(day, groupBy), new Instant[] {start, end});
            }
        }
        for (IncidentFacts incident : incidents) {
            String key = keyOf(incident, groupBy, zone);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(incident);
            spans.putIfAbsent(key, new Instant[] {from, to});
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(group(key, spans.get(key)[0], spans.get(key)[1], members)));
        return new Table(overall, groups);
    }

    static Group group(String key, Instant from, Instant to, List<IncidentFacts> incidents) {
        int acknowledged = 0;
        int resolved = 0;
        int automated = 0;
        int finished = 0;
        int succeeded = 0;
        int rollbacks = 0;
        double ackSeconds = 0;
        double resolveSeconds = 0;
        for (IncidentFacts incident : incidents) {
            if (incident.acknowledgedAt() != null) {
                acknowledged++;
                ackSeconds += seconds(incident.openedAt(), incident.acknowledgedAt());
            }
            if (incident.resolvedAt() != null) {
                resolved++;
                resolveSeconds += seconds(incident.openedAt(), incident.resolvedAt());
                automated += incident.resolvedByAutomation() ? 1 : 0;
            }
            if (incident.remediation() != null && incident.remediation().isFinished()) {
                finished++;
                succeeded += incident.remediation() == RemediationStatus.SUCCEEDED
                        ? 1 : 0;
            }
            rollbacks += incident.rollbacks();
        }
        double weeks = Math.max(1, Duration.between(from, to).toSeconds()) / SECONDS_PER_WEEK;
        return new Group(key, from, to, incidents.size(), acknowledged, resolved,
                acknowledged == 0 ? null : ackSeconds / acknowledged,
                resolved == 0 ? null : resolveSeconds / resolved,
                automated, resolved == 0 ? null : 100.0 * automated / resolved,
                finished, finished == 0 ? null : 100.0 * succeeded / finished,
                rollbacks, rollbacks / weeks);
    }

    /** Never negative: an acknowledgement stamped before the opening (clock skew) counts as immediate. */
    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static String keyOf(IncidentFacts incident, GroupBy groupBy, ZoneId zone) {
        switch (groupBy) {
            case SEVERITY:
                return incident.severity() == null ? "UNKNOWN" : incident.severity().name();
            case SERVICE:
                return incident.service() == null || incident.service().isBlank() ? "(none)" : incident.service();
            default:
                return key(periodStart(LocalDate.ofInstant(incident.openedAt(), zone), groupBy), groupBy);
        }
    }

    private static LocalDate periodStart(LocalDate day, GroupBy groupBy) {
        switch (groupBy) {
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            default:
                return day;
        }
    }

    private static LocalDate next(LocalDate start, GroupBy groupBy) {
        switch (groupBy) {
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            default:
                return start.plusDays(1);
        }
    }

    private static String key(LocalDate start, GroupBy groupBy) {
        return groupBy == GroupBy.MONTH ? start.toString().substring(0, 7) : start.toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
