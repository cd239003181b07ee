package dev.autopilot.reporting.dashboard;

import dev.autopilot.reporting.report.ReportView;
import dev.autopilot.reporting.slo.SloView;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows.
 *
 * @param open     incidents not resolved, most severe first
 * @param latest   the newest timeline entries
 * @param trend    MTTA and MTTR by week, for the table beside the chart
 */
@TemplateData
public record DashboardView(Instant generatedAt, int refreshSeconds, List<OpenIncident> open,
        List<TimelineEntryView> latest, List<SloView> slos, List<Week> trend, String attainmentChart,
        String budgetChart, String trendChart, List<ReportView> reports) {

    /** An open incident with its age. */
    @TemplateData
    public record OpenIncident(String id, String severity, String title, String status, String service,
            Instant openedAt, String age) {
    }

    /** One week of the MTTA/MTTR trend. */
    @TemplateData
    public record Week(String week, int incidents, String mtta, String mttr) {
    }
}
