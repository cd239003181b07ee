package dev.autopilot.remediation.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call an action can make: its service, operation and parameters (the API's own wire names). A changing
 * action returns the call that undoes it.
 *
 * @param service    {@code ecs}, {@code s3}, ...
 * @param operation  {@code UpdateService}, ...
 * @param parameters the request's parameters
 */
public record StepCall(String service, String operation, Map<String, Object> parameters) {

    public StepCall {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** {@code service Operation}, for people. */
    public String label() {
        return service + " " + operation;
    }
}
