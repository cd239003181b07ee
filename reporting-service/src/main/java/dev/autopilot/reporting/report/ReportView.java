package dev.autopilot.reporting.report;

import java.time.Instant;
import java.util.List;

/**
 * A report as {@code GET /reports} lists it; {@code GET /reports/{id}} serves the report itself.
 *
 * @param links where its JSON, Markdown and HTML forms are served
 */
public record ReportView(String id, String kind, String trigger, String title, Instant periodStart,
        Instant periodEnd, String summary, List<String> gaps, Instant createdAt, Links links) {

    /** The report's forms. */
    public record Links(String json, String markdown, String html) {
    }

    public static ReportView from(Report report) {
        String base = "/reports/" + report.id();
        return new ReportView(report.id(), report.kind(), report.trigger(), report.title(), report.periodStart(),
                report.periodEnd(), report.summary(), report.gaps(), report.createdAt(),
                new Links(base + ".json", base + ".md", base + ".html"));
    }
}
