package dev.autopilot.notification.channel.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The generic signed HTTP webhook (the ops webhook). */
@ConfigMapping(prefix = "notification.webhook")
public interface WebhookConfig {

    /**
     * Where messages are posted ({@code OPS_WEBHOOK_URL}), http or https. Without it the channel is unconfigured
     * and skipped. Treated as a secret: never logged.
     */
    Optional<String> url();

    /**
     * The shared secret messages are signed with ({@code OPS_WEBHOOK_SECRET}): HMAC-SHA256 over
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
