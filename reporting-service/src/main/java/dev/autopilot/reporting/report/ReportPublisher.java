package dev.autopilot.reporting.report;

import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.support.links.LinksConfig;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Announces reports on {@code reports.v1}, through the outbox, in the transaction that stores them. */
@ApplicationScoped
public class ReportPublisher {

    private final Outbox outbox;
    private final LinksConfig links;

    @Inject
    public ReportPublisher(Outbox outbox, LinksConfig links) {
        this.outbox = outbox;
        this.links = links;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ReportDocument report) {
        String base = links.reportingUrl().toString();
        String url = (base.endsWith("/") ? base : base + "/") + "reports/" + report.id() + ".html";
        outbox.append(new ReportPublished(report.id(), report.kind(), report.title(), report.periodStart(),
                report.periodEnd(), String.join("\n", report.summary()), url, report.gaps(), report.generatedAt()));
    }
}
