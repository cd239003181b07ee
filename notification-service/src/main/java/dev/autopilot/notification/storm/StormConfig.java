package dev.autopilot.notification.storm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When many incidents, or many pages for one, are too many. */
@ConfigMapping(prefix = "notification.storm")
public interface StormConfig {

    /** The window incidents are counted in. */
    @WithDefault("5m")
    Duration window();

    /**
     * More incidents than this opened within the window is a storm: pages are then held, and each destination gets
     * one summary per {@link #summaryInterval()} instead.
     */
    @WithDefault("10")
    int threshold();

    /** How often a destination gets a storm summary, carrying every page held since the previous one. */
    @WithDefault("1m")
    Duration summaryInterval();

    /** The most pages one incident sends, all rounds together; more are suppressed ({@code page-cap}). */
    @WithDefault("20")
    int maxPagesPerIncident();

    /**
     * An incident reopened within this time of its last paging round is flapping: it is open again, but nobody is
     * paged again ({@code flapping}).
     */
    @WithDefault("30m")
    Duration flapWindow();
}
