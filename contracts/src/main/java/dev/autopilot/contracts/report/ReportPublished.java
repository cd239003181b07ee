package dev.autopilot.contracts.report;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled (or requested) report is ready: the notification service may post it to the ops channel.
 *
 * @param reportId    the report's id
 * @param kind        {@code daily}, {@code weekly} or {@code monthly}
 * @param title       for people
 * @param periodStart the period it covers, from
 * @param periodEnd   to (exclusive)
 * @param summary     a few lines of the findings
 * @param url         where the report is served (its HTML form)
 * @param gaps        the sources that failed and left a marked gap in it; empty when complete
 * @param publishedAt when
 */
public record ReportPublished(
        String reportId,
        String kind,
        String title,
        Instant periodStart,
        Instant periodEnd,
        String summary,
        String url,
        List<String> gaps,
        Instant publishedAt) implements ReportEvent {

    public ReportPublished {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    @Override
    public Instant occurredAt() {
        return publishedAt;
    }
}
