package dev.autopilot.notification.channel;

import java.time.Duration;

/**
 * What became of one send.
 *
 * @param outcome    delivered, or a failure worth retrying, or one that is final
 * @param httpStatus the status the channel's endpoint answered, when it answered over HTTP
 * @param detail     what happened, for people: never a URL, a token or a key
 * @param retryAfter how long the channel asked to be left alone (HTTP 429 {@code Retry-After}); or null
 */
public record SendResult(Outcome outcome, Integer httpStatus, String detail, Duration retryAfter) {

    /** How a send ended. */
    public enum Outcome {
        /** The channel accepted the message. */
        DELIVERED,
        /** It failed in a way that may pass: 5xx, 429, a timeout, a refused connection. */
        RETRYABLE,
        /** It failed for good: the channel refused the message itself, or the channel is not set up. */
        PERMANENT
    }

    public static SendResult delivered(Integer httpStatus) {
        return new SendResult(Outcome.DELIVERED, httpStatus, httpStatus == null ? "delivered" : "HTTP " + httpStatus,
                null);
    }

    public static SendResult delivered(Integer httpStatus, String detail) {
        return new SendResult(Outcome.DELIVERED, httpStatus, detail, null);
    }

    public static SendResult retryable(Integer httpStatus, String detail) {
        return new SendResult(Outcome.RETRYABLE, httpStatus, detail, null);
    }

    public static SendResult permanent(Integer httpStatus, String detail) {
        return new SendResult(Outcome.PERMANENT, httpStatus, detail, null);
    }

    /** The same result, with the wait the channel asked for. */
    public SendResult withRetryAfter(Duration wait) {
        return new SendResult(outcome, httpStatus, detail, wait);
    }
}
