package dev.autopilot.contracts.remediation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a remediation plan: an AWS call (or an HTTP call) with its parameters.
 *
 * @param order            1-based position in the plan
 * @param name             what the step does, for people
 * @param service          what it talks to: an AWS service ({@code ecs}, {@code elbv2}, {@code sns}, ...) or {@code http}
 * @param operation        the API operation ({@code UpdateService}, {@code Publish}, ...)
 * @param parameters       the request's parameters, as the step would send them
 * @param requiresApproval whether a person must approve the step before it runs
 */
public record PlannedStep(
        int order,
        String name,
        String service,
        String operation,
        Map<String, Object> parameters,
        boolean requiresApproval) {

    public PlannedStep {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
