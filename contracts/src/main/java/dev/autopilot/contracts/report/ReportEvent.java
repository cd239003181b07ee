package dev.autopilot.contracts.report;

import dev.autopilot.contracts.Event;

/** Events on {@code reports.v1}, keyed by report id. Produced by the reporting service. */
public sealed interface ReportEvent extends Event permits ReportPublished {

    String reportId();

    @Override
    default String subject() {
        return reportId();
    }
}
