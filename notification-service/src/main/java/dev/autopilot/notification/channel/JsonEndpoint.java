package dev.autopilot.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP endpoint a channel posts JSON to (a webhook, Slack's incoming webhook, PagerDuty's Events API), and what
 * its answers mean: 2xx delivered; 408, 429, 5xx, timeouts and connection failures worth retrying (a 429's
 * {@code Retry-After} is kept); any other answer final. The URL may carry a token: it never appears in a result.
 */
public final class JsonEndpoint {

    private final URI url;
    private final String peer;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * @param url  where to post
     * @param peer how results name the endpoint ({@code the webhook}, {@code Slack})
     */
    public JsonEndpoint(URI url, String peer, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.peer = peer;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Reads an absolute http(s) URL from configuration; an unusable one stops the start, naming the property but
     * never the value (it may hold a token). Blank is absent.
     */
    public static Optional<URI> parseUrl(Optional<String> text, String property) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get().trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(property + " must be an absolute http(s) URL");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(property + " is not a valid URL: " + e.getReason());
        }
    }

    /** The longest a post can take. */
    public Duration timeout() {
        return connectTimeout.plus(requestTimeout);
    }

    /** Posts the value written as JSON; a value that cannot be written fails for good. */
    public SendResult postJson(ObjectMapper json, Object value, Map<String, String> headers) {
        try {
            return post(json.writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            return SendResult.permanent(null, "the message could not be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Posts the body with the headers. */
    public SendResult post(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return resultOf(http.send(request.build(), HttpResponse.BodyHandlers.discarding()));
        } catch (HttpConnectTimeoutException e) {
            return failed(peer + " could not be connected to in time");
        } catch (HttpTimeoutException e) {
            return failed(peer + " did not answer in time");
        } catch (ConnectException e) {
            return failed(peer + " refused or dropped the connection");
        } catch (IOException e) {
            return failed(peer + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while sending to " + peer);
        }
    }

    /** What an HTTP status means for a message. */
    public SendResult resultOf(int status) {
        if (status >= 200 && status < 300) {
            return SendResult.delivered(status);
        }
        String detail = "HTTP " + status + " from " + peer;
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.retryable(status, detail);
        }
        return SendResult.permanent(status, detail);
    }

    private SendResult resultOf(HttpResponse<Void> response) {
        SendResult result = resultOf(response.statusCode());
        if (response.statusCode() == 429) {
            Optional<Duration> wait = response.headers().firstValue("Retry-After").flatMap(JsonEndpoint::seconds);
            if (wait.isPresent()) {
                return result.withRetryAfter(wait.get());
            }
        }
        return result;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SendResult failed(String detail) {
        return SendResult.retryable(null, detail);
    }
}
