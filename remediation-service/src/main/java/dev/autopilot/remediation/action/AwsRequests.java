package dev.autopilot.remediation.action;

import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sends an AWS SDK request for an action, or in a dry run records it without sending: the recorded fields are the
 * SDK request's own, so a dry run shows exactly what live would send. A failure becomes a failed result that says
 * whether it may pass on another attempt.
 */
public final class AwsRequests {

    private AwsRequests() {
    }

    /**
     * A request that changes something: sent only when the call is live; a dry run records it and says what it
     * would do ({@code intent}, e.g. {@code publish to arn:...}).
     */
    public static <Q extends SdkRequest, R> ActionResult change(ActionCall call, String intent, Q request,
            Function<Q, R> send, Function<R, ActionResult> answer) {
        Map<String, Object> fields = fields(request);
        if (!call.live()) {
            return ActionResult.done("dry run, not sent: " + intent).withRequest(fields, false);
        }
        return sendAndAnswer(request, fields, send, answer);
    }

    /** A request that reads: sent unless reads are off (a dry run without credentials, or configured so). */
    public static <Q extends SdkRequest, R> ActionResult read(ActionCall call, Q request, Function<Q, R> send,
            Function<R, ActionResult> answer) {
        Map<String, Object> fields = fields(request);
        if (!call.sendReads()) {
            return ActionResult.done("dry run: not sent (reads are off)").withRequest(fields, false);
        }
        return sendAndAnswer(request, fields, send, answer);
    }

    /** Sends a read whose answer another request needs; throws {@link Failed} with the result when it fails. */
    public static <Q extends SdkRequest, R> R fetch(Q request, Function<Q, R> send) {
        try {
            return send.apply(request);
        } catch (SdkException e) {
            throw new Failed(AwsFailures.of(e).withRequest(fields(request), true));
        }
    }

    /** A failure of a request an action made on the way; its result is the action's result. */
    public static final class Failed extends RuntimeException {
        private final transient ActionResult result;

        public Failed(ActionResult result) {
            super(result.outcome(), null, false, false);
            this.result = result;
        }

        public ActionResult result() {
            return result;
        }
    }

    private static <Q extends SdkRequest, R> ActionResult sendAndAnswer(Q request, Map<String, Object> fields,
            Function<Q, R> send, Function<R, ActionResult> answer) {
        R response;
        try {
            response = send.apply(request);
        } catch (SdkException e) {
            return AwsFailures.of(e).withRequest(fields, true);
        }
        return answer.apply(response).withRequest(fields, true);
    }

    /** The request's fields under their wire names. */
    public static Map<String, Object> fields(SdkRequest request) {
        return SdkRequests.fields(request);
    }
}
