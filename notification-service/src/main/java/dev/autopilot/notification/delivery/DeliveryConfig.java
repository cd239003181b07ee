package dev.autopilot.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * How messages are delivered: retries, the dispatcher, and where the links of a message point (the acknowledge and
 * timeline links take the shared {@code autopilot.links.*} settings).
 */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** How many attempts a message gets before it is given up as failed (a permanent failure stops at once). */
    @WithDefault("8")
    int maxAttempts();

    /** The wait before each retry: doubling from {@code initial}, at most {@code max}. */
    BackoffConfig backoff();

    /**
     * How often the dispatcher looks for due deliveries when nothing woke it. Every new message wakes it at once
     * after its commit, and a retry wakes it when it comes due; this poll only catches other replicas' work.
     */
    @WithDefault("5s")
    Duration fallbackInterval();

    /**
     * How many threads send at once in this replica; each claims its own delivery ({@code SKIP LOCKED}), so a
     * backlog drains in parallel.
     */
    @WithDefault("2")
    int workers();

    /** The remediation service's public base URL: approval links are {@code <remediation>/approvals/<id>}. */
    @WithDefault("http://127.0.0.1:8082")
    URI remediationUrl();

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
}
