package dev.autopilot.remediation.playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call a playbook would make: an AWS API operation (or an HTTP call, or a note the service records for
 * people) with the exact parameters it would send, named by the API's own wire names.
 *
 * <p>A value known only when the step runs is a placeholder in angle brackets, resolved from the answers of the
 * steps before it: {@code <N-1>} is the newest ACTIVE revision of the task definition family below the service's
 * current revision N, {@code <desiredCount+2>} is the service's desired count read just before, plus two.
 *
 * @param name             what the step does, for people
 * @param service          what it talks to: {@code ecs}, {@code elbv2}, {@code dynamodb}, {@code sns},
 *                         {@code cloudwatch}, {@code logs}, {@code http}, or {@code remediation} for a record kept
 *                         here
 * @param operation        the operation ({@code DescribeServices}, {@code UpdateService}, {@code POST}, ...)
 * @param parameters       the request's parameters, in the order they are listed
 * @param requiresApproval whether a person must approve the step before it runs
 */
public record PlaybookStep(String name, String service, String operation, Map<String, Object> parameters,
        boolean requiresApproval) {

    public PlaybookStep {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A step that runs without approval; parameters as alternating names and values. */
    public static PlaybookStep call(String name, String service, String operation, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new PlaybookStep(name, service, operation, parameters, false);
    }

    /** The same step, approved by a person first or not. */
    public PlaybookStep withApproval(boolean required) {
        return new PlaybookStep(name, service, operation, parameters, required);
    }
}
