package dev.autopilot.notification.channel;

/**
 * What became of one send.
 *
 * @param outcome    delivered, or a failure worth retrying, or one that is final
 * @param httpStatus the status the channel's endpoint answered, when it answered over HTTP
 * @param detail     what happened, for people: never a URL or a secret
 */
public record SendResult(Outcome outcome, Integer httpStatus, String detail) {

    /** How a send ended. */
    public enum Outcome {
        /** The channel accepted the page. */
        DELIVERED,
        /** It failed in a way that may pass: 5xx, 429, a timeout, a refused connection. */
        RETRYABLE,
        /** It failed for good: the channel refused the page itself, or the channel is not set up. */
        PERMANENT
    }

    public static SendResult delivered(Integer httpStatus) {
        return new SendResult(Outcome.DELIVERED, httpStatus, httpStatus == null ? "delivered" : "HTTP " + httpStatus);
    }

    public static SendResult retryable(Integer httpStatus, String detail) {
        return new SendResult(Outcome.RETRYABLE, httpStatus, detail);
    }

    public static SendResult permanent(Integer httpStatus, String detail) {
        return new SendResult(Outcome.PERMANENT, httpStatus, detail);
    }
}
