package dev.autopilot.reporting.report;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/**
 * A report as stored and served as JSON; its Markdown and HTML forms are renderings of it.
 *
 * @param kind        {@code daily}, {@code weekly}, {@code monthly}
 * @param trigger     {@code schedule} or {@code manual}
 * @param zone        the zone its period was cut in
 * @param summary     a few lines of findings
 * @param gaps        the sources that failed, each with its reason
 * @param sections    the findings, source by source
 */
@TemplateData
public record ReportDocument(String id, String kind, String trigger, String title, Instant periodStart,
        Instant periodEnd, String zone, Instant generatedAt, List<String> summary, List<String> gaps,
        List<Section> sections) {
}
