package dev.autopilot.reporting;

import dev.autopilot.reporting.dashboard.SessionConfig;
import dev.autopilot.reporting.report.ReportConfig;
import dev.autopilot.reporting.slo.SloConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The reporting service's own configuration: {@code reporting.*}. */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** The time zone days, weeks and months are cut in (measures' periods, report periods and schedules). */
    @WithDefault("Asia/Seoul")
    ZoneId zone();

    /** The service-level objectives. */
    SloConfig slo();

    /** The scheduled reports and what they read from AWS. */
    ReportConfig reports();

    /** The dashboard's sign-in session. */
    SessionConfig session();
}
