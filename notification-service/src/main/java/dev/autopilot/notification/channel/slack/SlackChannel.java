package dev.autopilot.notification.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.JsonEndpoint;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts Block Kit messages ({@link SlackMessage}) to a Slack incoming webhook ({@code SLACK_WEBHOOK_URL}), at most
 * one per {@code minimum-interval}. Slack answers 200 {@code ok}; 429 (with {@code Retry-After}) and 5xx are worth
 * retrying; 400 {@code invalid_payload}, 403 {@code action_prohibited}, 404 {@code no_service} and 410
 * {@code channel_is_archived} are final.
 */
@ApplicationScoped
public class SlackChannel implements Channel {

    public static final String NAME = "slack";

    private final Optional<JsonEndpoint> endpoint;
    private final Duration minimumInterval;
    private final Duration timeout;
    private final ObjectMapper json;

    @Inject
    public SlackChannel(SlackConfig config, ObjectMapper json) {
        this.endpoint = JsonEndpoint.parseUrl(config.webhookUrl(), "notification.slack.webhook-url")
                .map(url -> new JsonEndpoint(url, "Slack", config.connectTimeout(), config.requestTimeout()));
        this.minimumInterval = config.minimumInterval();
        this.timeout = config.connectTimeout().plus(config.requestTimeout());
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isConfigured() {
        return endpoint.isPresent();
    }

    @Override
    public String missingSettings() {
        return "notification.slack.webhook-url (SLACK_WEBHOOK_URL)";
    }

    @Override
    public boolean accepts(String address) {
        return address == null || !address.isBlank() && address.indexOf('\n') < 0;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Optional<Duration> minimumInterval() {
        return minimumInterval.isZero() ? Optional.empty() : Optional.of(minimumInterval);
    }

    @Override
    public SendResult send(Page page) {
        if (endpoint.isEmpty()) {
            return SendResult.permanent(null, "the slack channel has no webhook (set SLACK_WEBHOOK_URL)");
        }
        return endpoint.get().postJson(json, SlackMessage.from(page), Map.of());
    }
}
