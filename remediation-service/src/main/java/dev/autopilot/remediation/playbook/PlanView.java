package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.util.List;

/**
 * What would run for an incident: the playbook, the mode, the target and the steps, nothing recorded or sent.
 *
 * @param playbook its name
 * @param mode     live or dry-run
 * @param target   what it would act on
 * @param steps    its steps
 */
public record PlanView(String playbook, ExecutionMode mode, String target, List<PlannedStepView> steps) {
}
