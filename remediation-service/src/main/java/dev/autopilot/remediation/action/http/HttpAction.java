package dev.autopilot.remediation.action.http;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.audit.Redaction;
import dev.autopilot.remediation.playbook.RemediationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The application's admin endpoints (clear the cache, invalidate sessions, restart an agent): an HTTP POST that
 * carries the step's {@code Idempotency-Key}, so a receiver recognises an attempt repeated after a restart. A 2xx
 * is done; 429, 5xx, a timeout or a failed connection may pass next time; any other answer will not.
 */
@ApplicationScoped
public class HttpAction implements Action {

    private final HttpClient http;
    private final Duration timeout;
    private final Optional<String> authorization;

    @Inject
    public HttpAction(RemediationConfig config) {
        this.timeout = config.http().timeout();
        this.authorization = config.http().authorization();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String service() {
        return "http";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("POST", Effect.CHANGE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"POST".equals(call.operation())) {
            return ActionResult.failed("http has no operation " + call.operation(), false);
        }
        String url = call.parameters().string("url");
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", call.idempotencyToken());
        authorization.ifPresent(value -> headers.put("Authorization", value));
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("method", "POST");
        recorded.put("url", url);
        recorded.put("headers", Redaction.redact(headers));
        if (!call.live()) {
            return ActionResult.done("dry run, not sent: POST " + url).withRequest(recorded, false);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody());
        } catch (IllegalArgumentException e) {
            return ActionResult.failed("not a URL: " + url, false).withRequest(recorded, false);
        }
        headers.forEach((name, value) -> request.header(name, String.valueOf(value)));
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return ActionResult.done("HTTP " + status + " from POST " + url).withRequest(recorded, true);
            }
            boolean retryable = status == 429 || status >= 500;
            return ActionResult.failed("HTTP " + status + " from POST " + url, retryable).withRequest(recorded, true);
        } catch (HttpTimeoutException e) {
            return ActionResult.failed("POST " + url + " timed out after " + timeout.toMillis() + " ms", true)
                    .withRequest(recorded, true);
        } catch (IOException e) {
            return ActionResult.failed("POST " + url + " failed: " + e.getClass().getSimpleName(), true)
                    .withRequest(recorded, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failed("POST " + url + " was interrupted", true).withRequest(recorded, true);
        }
    }
}
