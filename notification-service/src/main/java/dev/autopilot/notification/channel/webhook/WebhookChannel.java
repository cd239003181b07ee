package dev.autopilot.notification.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts pages as JSON ({@link WebhookMessage}) to one configured URL, with the delivery id as
 * {@code Idempotency-Key} and, when a secret is set, signed ({@link WebhookSignature}). A 2xx is delivered;
 * 408, 429, 5xx, timeouts and connection failures are worth retrying; any other answer is final.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    public static final String NAME = "webhook";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final Optional<URI> url;
    private final Optional<String> secret;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public WebhookChannel(WebhookConfig config, ObjectMapper json, Clock clock) {
        this.url = config.url().filter(u -> !u.isBlank()).map(WebhookChannel::parseUrl);
        this.secret = config.secret().filter(s -> !s.isEmpty());
        this.connectTimeout = config.connectTimeout();
        this.requestTimeout = config.requestTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration timeout() {
        return connectTimeout.plus(requestTimeout);
    }

    @Override
    public boolean isConfigured() {
        return url.isPresent();
    }

    @Override
    public SendResult send(Page page) {
        if (url.isEmpty()) {
            return SendResult.permanent(null, "the webhook channel has no URL (set notification.webhook.url)");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(WebhookMessage.from(page));
        } catch (JsonProcessingException e) {
            return SendResult.permanent(null, "the page could not be written as JSON: " + e.getOriginalMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url.get())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY_HEADER, page.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(key -> {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body));
        });
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return resultOf(response.statusCode());
        } catch (HttpConnectTimeoutException e) {
            return SendResult.retryable(null, "the webhook could not be connected to in time");
        } catch (HttpTimeoutException e) {
            return SendResult.retryable(null, "the webhook did not answer in time");
        } catch (ConnectException e) {
            return SendResult.retryable(null, "the webhook refused or dropped the connection");
        } catch (IOException e) {
            return SendResult.retryable(null, "the webhook could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryable(null, "interrupted while sending");
        }
    }

    /** What an HTTP answer means for a page. */
    public static SendResult resultOf(int status) {
        if (status >= 200 && status < 300) {
            return SendResult.delivered(status);
        }
        String detail = "HTTP " + status + " from the webhook";
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.retryable(status, detail);
        }
        return SendResult.permanent(status, detail);
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("notification.webhook.url must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            // the reason only: the URL may hold a token
            throw new IllegalArgumentException("notification.webhook.url is not a valid URL: " + e.getReason());
        }
    }
}
