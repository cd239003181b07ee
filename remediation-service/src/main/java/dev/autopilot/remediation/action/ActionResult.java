package dev.autopilot.remediation.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What came of an action's attempt.
 *
 * @param status    done, still pending (a wait whose condition does not hold yet), or failed
 * @param outcome   for people: what happened, what is awaited, or what went wrong (never a secret)
 * @param retryable for a failure: whether another attempt may pass (throttling, 5xx, a timeout)
 * @param request   the request's fields as sent, or as they would be sent in a dry run
 * @param sent      whether a request left this service
 * @param facts     what the next steps may use ({@code family}, {@code N-1}, {@code desiredCount}, ...)
 * @param evidence  what was read, for people
 * @param before    the state a change replaced
 * @param undo      the call that restores that state, if it can be restored
 */
public record ActionResult(Status status, String outcome, boolean retryable, Map<String, Object> request,
        boolean sent, Map<String, Object> facts, Map<String, Object> evidence, Map<String, Object> before,
        StepCall undo) {

    public enum Status {
        DONE, PENDING, FAILED
    }

    public ActionResult {
        request = request == null ? Map.of() : copy(request);
        facts = facts == null ? Map.of() : copy(facts);
        evidence = evidence == null ? Map.of() : copy(evidence);
        before = before == null ? null : copy(before);
    }

    public static ActionResult done(String outcome) {
        return new ActionResult(Status.DONE, outcome, false, null, false, null, null, null, null);
    }

    /** A wait whose condition does not hold yet: check again later. */
    public static ActionResult pending(String outcome) {
        return new ActionResult(Status.PENDING, outcome, false, null, false, null, null, null, null);
    }

    public static ActionResult failed(String reason, boolean retryable) {
        return new ActionResult(Status.FAILED, reason, retryable, null, false, null, null, null, null);
    }

    public ActionResult withRequest(Map<String, Object> request, boolean sent) {
        return new ActionResult(status, outcome, retryable, request, sent, facts, evidence, before, undo);
    }

    public ActionResult withFacts(Map<String, Object> facts) {
        return new ActionResult(status, outcome, retryable, request, sent, facts, evidence, before, undo);
    }

    public ActionResult withEvidence(Map<String, Object> evidence) {
        return new ActionResult(status, outcome, retryable, request, sent, facts, evidence, before, undo);
    }

    /** The state the change replaced, and the call that restores it (null when it cannot be restored). */
    public ActionResult withUndo(Map<String, Object> before, StepCall undo) {
        return new ActionResult(status, outcome, retryable, request, sent, facts, evidence, before, undo);
    }

    private static Map<String, Object> copy(Map<String, Object> values) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
