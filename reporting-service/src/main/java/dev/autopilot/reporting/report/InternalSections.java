package dev.autopilot.reporting.report;

import dev.autopilot.reporting.incident.IncidentView;
import dev.autopilot.reporting.measure.Measures;
import dev.autopilot.reporting.slo.SloView;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sections a report draws from the service's own read models: incidents, measures, SLOs, scaling. */
public final class InternalSections {

    private InternalSections() {
    }

    /** The incidents opened in the period, with MTTA and MTTR. */
    public static Section incidents(List<IncidentView> incidents, Measures.Group measures) {
        List<List<String>> rows = new ArrayList<>();
        for (IncidentView incident : incidents) {
            rows.add(List.of(String.valueOf(incident.severity()), incident.title() == null ? "" : incident.title(),
                    String.valueOf(incident.status()), String.valueOf(incident.openedAt()),
                    duration(incident.timeToAcknowledgeSeconds()), duration(incident.timeToResolveSeconds()),
                    incident.resolvedByAutomation() ? "automation" : incident.resolvedBy() == null ? "-"
                            : incident.resolvedBy()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("incidents", measures.incidents());
        facts.put("acknowledged", measures.acknowledged());
        facts.put("resolved", measures.resolved());
        facts.put("mttaSeconds", measures.mttaSeconds());
        facts.put("mttrSeconds", measures.mttrSeconds());
        facts.put("resolvedByAutomation", measures.resolvedByAutomation());
        facts.put("remediationSuccessRate", measures.remediationSuccessRate());
        facts.put("rollbacks", measures.rollbacks());
        List<String> lines = new ArrayList<>();
        lines.add(measures.incidents() + " incident(s), " + measures.resolved() + " resolved; MTTA "
                + duration(measures.mttaSeconds()) + ", MTTR " + duration(measures.mttrSeconds()));
        if (measures.incidents() > 0) {
            lines.add(measures.resolvedByAutomation() + " resolved by automation alone"
                    + (measures.remediationSuccessRate() == null ? ""
                            : "; remediation success " + percent(measures.remediationSuccessRate()))
                    + "; " + measures.rollbacks() + " rollback(s)");
        }
        return Section.of("incidents", "Incidents", lines, facts).withTable(
                List.of("severity", "title", "status", "opened", "to acknowledge", "to resolve", "resolved by"), rows);
    }

    /** Where each objective stands over each window. */
    public static Section slos(List<SloView> slos) {
        List<List<String>> rows = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        for (SloView slo : slos) {
            Map<String, Object> windows = new LinkedHashMap<>();
            for (SloView.Window window : slo.windows()) {
                rows.add(List.of(slo.name(), percent(slo.target()), window.window(), percent(window.attainment()),
                        percent(window.budgetRemaining()), window.met() == null ? "no data" : window.met() ? "met"
                                : "missed"));
                if (Boolean.FALSE.equals(window.met())) {
                    missed.add(slo.name() + " (" + window.window() + ")");
                }
                Map<String, Object> figures = new LinkedHashMap<>(); // numbers, null without data
                figures.put("attainment", window.attainment());
                figures.put("budgetRemaining", window.budgetRemaining());
                windows.put(window.window(), figures);
            }
            facts.put(slo.name(), windows);
        }
        String line = missed.isEmpty() ? "every objective with data is met" : "missed: " + String.join(", ", missed);
        return Section.of("slos", "Service levels", List.of(line), facts)
                .withTable(List.of("objective", "target", "window", "attainment", "budget left", ""), rows);
    }

    /** The scaling recommendations of the period. */
    public static Section scaling(List<TimelineEntryView> recommendations) {
        List<List<String>> rows = recommendations.stream()
                .map(r -> List.of(String.valueOf(r.at()), r.summary())).toList();
        return Section.of("scaling", "Scaling recommendations", List.of(recommendations.size()
                + " recommendation(s)"), Map.of("recommendations", recommendations.size()))
                .withTable(List.of("at", "recommendation"), rows);
    }

    /** A duration in seconds as people read it: {@code 62 s}, {@code 16 min}, {@code 2.5 h}; {@code -} for none. */
    public static String duration(Number seconds) {
        if (seconds == null) {
            return "-";
        }
        double s = seconds.doubleValue();
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    /** A percentage with two decimals; {@code -} for none. */
    public static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f %%", value);
    }
}
