package dev.autopilot.notification.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where published reports are posted. */
@ConfigMapping(prefix = "notification.reports")
public interface ReportConfig {

    /** The contact (a key of {@code notification.routing.contacts}) that gets each published report. */
    @WithDefault("ops-channel")
    String contact();
}
