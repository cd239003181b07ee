package dev.autopilot.notification.report;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.delivery.DeliveryScheduler;
import dev.autopilot.notification.delivery.DeliveryScheduler.Message;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.Router;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Posts each published report's summary, with its link, to the ops channel; once per report. */
@ApplicationScoped
public class ReportService {

    private final Router router;
    private final DeliveryScheduler scheduler;
    private final ReportConfig config;

    @Inject
    public ReportService(Router router, DeliveryScheduler scheduler, ReportConfig config) {
        this.router = router;
        this.scheduler = scheduler;
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        contact();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ReportPublished report) {
        String summary = report.summary() == null ? "" : report.summary();
        if (!report.gaps().isEmpty()) {
            summary += (summary.isEmpty() ? "" : "\n") + "Gaps (sources that failed): " + String.join(", ",
                    report.gaps());
        }
        Page.Incident subject = new Page.Incident("report:" + report.reportId(),
                report.title() == null ? report.kind() + " report" : report.title(), Severity.UNKNOWN,
                "report", null, report.publishedAt());
        Message message = Message.of(Page.Kind.REPORT, "report/" + report.reportId(), subject, "reports", 1, 0,
                contact()).withDetail(summary);
        scheduler.schedule(report.url() == null ? message : message.withAction("Open report", report.url()));
    }

    private Contact contact() {
        return router.roster().contact(config.contact()).orElseThrow(() -> new IllegalArgumentException(
                "notification.reports.contact: no contact '" + config.contact() + "'"));
    }
}
