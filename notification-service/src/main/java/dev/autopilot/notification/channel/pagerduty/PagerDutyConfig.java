package dev.autopilot.notification.channel.pagerduty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** PagerDuty's Events API v2. */
@ConfigMapping(prefix = "notification.pagerduty")
public interface PagerDutyConfig {

    /**
     * The integration's routing key ({@code PAGERDUTY_ROUTING_KEY}), used for contacts that name none of their own
     * ({@code pagerduty:<key>}). A secret: never logged.
     */
    Optional<String> routingKey();

    /** Where events are posted ({@code PAGERDUTY_EVENTS_URL}). */
    @WithDefault("https://events.pagerduty.com/v2/enqueue")
    String eventsUrl();

    /** How long to wait for PagerDuty's connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for PagerDuty's answer. */
    @WithDefault("10s")
    Duration requestTimeout();
}
