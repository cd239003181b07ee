package dev.autopilot.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How pages are delivered: the channel, retries, the dispatcher, and the links a page carries. */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** The channel every page goes through; {@code webhook} is the only one in this version. */
    @WithDefault("webhook")
    String channel();

    /** How many attempts a page gets before it is given up as failed (a permanent failure stops at once). */
    @WithDefault("8")
    int maxAttempts();

    /** The wait before each retry: doubling from {@code initial}, at most {@code max}. */
    BackoffConfig backoff();

    /**
     * How often the dispatcher looks for due deliveries when nothing woke it. Every new page wakes it at once
     * after its commit, and a retry wakes it when it comes due; this poll only catches pages of other replicas.
     */
    @WithDefault("5s")
    Duration fallbackInterval();

    /** Where the links of a page point. */
    LinksConfig links();

    interface BackoffConfig {

        /** The wait after the first failed attempt. */
        @WithDefault("5s")
        Duration initial();

        /** The longest wait between two attempts. */
        @WithDefault("5m")
        Duration max();

        /** How much each wait grows over the previous one. */
        @WithDefault("2")
        double multiplier();
    }

    interface LinksConfig {

        /** The detector's base URL: a page's acknowledge link is {@code <detector>/incidents/<id>/acknowledge}. */
        @WithDefault("http://localhost:8081")
        URI detectorUrl();

        /** The reporting service's base URL: the timeline link is {@code <reporting>/incidents/<id>/timeline}. */
        @WithDefault("http://localhost:8083")
        URI reportingUrl();
    }
}
