package dev.autopilot.notification.channel.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Slack, through an incoming webhook that posts to one channel (the runbook's {@code #t-developer-ops}). */
@ConfigMapping(prefix = "notification.slack")
public interface SlackConfig {

    /** The incoming webhook's URL ({@code SLACK_WEBHOOK_URL}); its path is a token: never logged. */
    Optional<String> webhookUrl();

    /** The least time between two messages to the webhook, across replicas (Slack allows about one a second). */
    @WithDefault("1s")
    Duration minimumInterval();

    /** How long to wait for Slack's connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long to wait for Slack's answer. */
    @WithDefault("10s")
    Duration requestTimeout();
}
