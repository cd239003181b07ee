package dev.autopilot.detector.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What every intake request passes before it is read: its size ({@code 413} beyond
 * {@code detector.intake.max-body-size}) and, once its signals are counted, its source's rate ({@code 429} with
 * {@code Retry-After}, nothing taken).
 */
@ApplicationScoped
public class IntakeGuard {

    private final IntakeConfig config;
    private final ObjectMapper json;
    private final RateLimiter limiter;

    @Inject
    public IntakeGuard(IntakeConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.limiter = new RateLimiter(source -> {
            IntakeConfig.Limit limit = config.rateLimit().sources().get(source);
            return limit != null ? new RateLimiter.Limit(limit.perSecond(), limit.burst())
                    : new RateLimiter.Limit(config.rateLimit().perSecond(), config.rateLimit().burst());
        }, System::nanoTime);
    }

    /** Refuses an intake request whose declared size is over the limit, before its body is read. */
    @ServerRequestFilter
    public Optional<Response> limitSize(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/intake")) {
            return Optional.empty();
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodySize().asLongValue()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("Content-Length is not a number");
            }
        }
        return Optional.empty();
    }

    /**
     * The body as JSON, once it is known to be within the size limit: a body sent in chunks has no
     * {@code Content-Length} to refuse it by before it is read.
     */
    public JsonNode read(String body) throws JsonProcessingException {
        long limit = config.maxBodySize().asLongValue();
        // a UTF-8 byte per char at least, three at most: only a long body needs counting
        if (body != null && body.length() > limit / 3 && body.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw tooLarge();
        }
        return json.readTree(body);
    }

    /** Refuses a batch of more than {@code detector.intake.max-batch} items (or none), naming what it holds. */
    public void checkBatch(int size, JsonFields fields, String field, String items) {
        if (size == 0 || size > config.maxBatch()) {
            fields.error(field, "must hold 1 to " + config.maxBatch() + " " + items + " (detector.intake.max-batch), not "
                    + size);
        }
    }

    /** Takes {@code count} signals of the source's rate, or refuses the whole request with 429. */
    public void admit(String source, int count) {
        limiter.take(source, count).ifPresent(wait -> {
            throw new RateLimited(source, wait);
        });
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "too-large", "The request is too large",
                "the body is over " + config.maxBodySize().asLongValue() + " bytes (detector.intake.max-body-size); "
                        + "send fewer signals per request");
    }

    /** A 429 that says when to come back. */
    public static final class RateLimited extends ProblemException {

        private final Duration retryAfter;

        RateLimited(String source, Duration retryAfter) {
            super(429, "rate-limited", "Too many signals",
                    "source " + source + " is over its rate; nothing of this request was taken, send it again after "
                            + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
