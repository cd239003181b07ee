package dev.autopilot.notification.channel.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The generic HTTP webhook every page goes to in this version. */
@ConfigMapping(prefix = "notification.webhook")
public interface WebhookConfig {

    /**
     * Where pages are posted ({@code NOTIFICATION_WEBHOOK_URL}), http or https. Without it every page fails at once
     * as undeliverable, with a {@code NotificationFailed} event. Treated as a secret: never logged.
     */
    Optional<String> url();

    /**
     * The shared secret pages are signed with ({@code NOTIFICATION_WEBHOOK_SECRET}): HMAC-SHA256 over
     * {@code <timestamp>.<body>}. Unsigned when absent.
     */
    Optional<String> secret();

    /** How long to wait for the receiver's connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for the receiver's answer once the request is sent. */
    @WithDefault("10s")
    Duration requestTimeout();
}
