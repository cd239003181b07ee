package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call a playbook makes: an AWS API operation (or an HTTP call, or a record kept here) with the exact
 * parameters it sends, named by the API's own wire names.
 *
 * <p>A value known only when the step runs is a placeholder in angle brackets, resolved from what the steps before
 * it found out: {@code <family>:<N-1>} is the newest ACTIVE revision of the service's task definition family below
 * its current revision N, {@code <desiredCount+2>} the desired count read before, plus two,
 * {@code <time:yyyyMMdd-HHmmss>} the time the step runs (see {@code run.Placeholders}).
 *
 * @param name             what the step does, for people
 * @param service          what it talks to: {@code ecs}, {@code elbv2}, {@code dynamodb}, {@code sns},
 *                         {@code cloudwatch}, {@code logs}, {@code s3}, {@code secretsmanager}, {@code http},
 *                         {@code verification}, or {@code remediation} for a record kept here
 * @param operation        the operation ({@code DescribeServices}, {@code UpdateService}, {@code POST}, ...)
 * @param parameters       the request's parameters, in the order they are listed
 * @param requiresApproval whether a person must approve the step before it runs
 * @param kind             for a step that changes something, what it does ({@code rollback}, {@code scale}, ...):
 *                         rate limits and approval rules are per kind; null for a read
 * @param condition        the step runs only when this condition holds ({@link StepConditions}); null: always
 * @param timeout          for a step that waits (stability, verification): how long it may wait; else null
 * @param undoOnFailure    whether the step's failure undoes what the remediation changed before it
 */
public record PlaybookStep(String name, String service, String operation, Map<String, Object> parameters,
        boolean requiresApproval, String kind, String condition, Duration timeout, boolean undoOnFailure) {

    public PlaybookStep {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A step that runs without approval, always; parameters as alternating names and values. */
    public static PlaybookStep call(String name, String service, String operation, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new PlaybookStep(name, service, operation, parameters, false, null, null, null, false);
    }

    /** The same step, approved by a person first or not. */
    public PlaybookStep withApproval(boolean required) {
        return new PlaybookStep(name, service, operation, parameters, required, kind, condition, timeout,
                undoOnFailure);
    }

    /** The same step, as a change of the given kind. */
    public PlaybookStep changing(String changeKind) {
        return new PlaybookStep(name, service, operation, parameters, requiresApproval, changeKind, condition, timeout,
                undoOnFailure);
    }

    /** The same step, run only when the condition holds. */
    public PlaybookStep when(String runCondition) {
        return new PlaybookStep(name, service, operation, parameters, requiresApproval, kind, runCondition, timeout,
                undoOnFailure);
    }

    /** The same step, waiting at most this long for what it checks. */
    public PlaybookStep waitingUpTo(Duration limit) {
        return new PlaybookStep(name, service, operation, parameters, requiresApproval, kind, condition, limit,
                undoOnFailure);
    }

    /** The same step; its failure undoes the remediation's changes, or not. */
    public PlaybookStep undoingOnFailure(boolean undo) {
        return new PlaybookStep(name, service, operation, parameters, requiresApproval, kind, condition, timeout,
                undo);
    }
}
