package dev.autopilot.remediation.run;

import java.util.Map;

/** One step of a remediation as the API shows it: the call and its exact parameters. */
public record StepView(
        int order,
        String name,
        String service,
        String operation,
        Map<String, Object> parameters,
        boolean requiresApproval,
        StepStatus status) {

    public static StepView from(RemediationStep step) {
        return new StepView(step.position(), step.name(), step.service(), step.operation(), step.parameters(),
                step.requiresApproval(), step.status());
    }
}
