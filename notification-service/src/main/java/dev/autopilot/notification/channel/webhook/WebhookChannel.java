package dev.autopilot.notification.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.JsonEndpoint;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posts messages as JSON ({@link WebhookMessage}) to one configured URL ({@code OPS_WEBHOOK_URL}), with the
 * delivery id as {@code Idempotency-Key} and, when a secret is set, signed ({@link WebhookSignature}). A 2xx is
 * delivered; 408, 429, 5xx, timeouts and connection failures are worth retrying; any other answer is final.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    public static final String NAME = "webhook";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final Optional<JsonEndpoint> endpoint;
    private final Optional<String> secret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public WebhookChannel(WebhookConfig config, ObjectMapper json, Clock clock) {
        this.endpoint = JsonEndpoint.parseUrl(config.url(), "notification.webhook.url")
                .map(url -> new JsonEndpoint(url, "the webhook", config.connectTimeout(), config.requestTimeout()));
        this.secret = config.secret().filter(s -> !s.isEmpty());
        this.timeout = config.connectTimeout().plus(config.requestTimeout());
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isConfigured() {
        return endpoint.isPresent();
    }

    @Override
    public String missingSettings() {
        return "notification.webhook.url (OPS_WEBHOOK_URL)";
    }

    @Override
    public boolean accepts(String address) {
        return true;
    }

    @Override
    public SendResult send(Page page) {
        if (endpoint.isEmpty()) {
            return SendResult.permanent(null, "the webhook channel has no URL (set OPS_WEBHOOK_URL)");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(WebhookMessage.from(page));
        } catch (JsonProcessingException e) {
            return SendResult.permanent(null, "the message could not be written as JSON: " + e.getOriginalMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_KEY_HEADER, page.deliveryId());
        secret.ifPresent(key -> {
            long timestamp = clock.instant().getEpochSecond();
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body));
        });
        return endpoint.get().post(body, headers);
    }
}
