package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.util.List;

/**
 * A playbook as configured: the incident types it serves, its mode, and its steps for an incident that names
 * nothing (the configured service, bucket, secret).
 *
 * @param name   its name
 * @param types  the incident types it serves
 * @param mode   live or dry-run
 * @param target what it acts on by default
 * @param steps  its steps
 */
public record PlaybookView(String name, List<String> types, ExecutionMode mode, String target,
        List<PlannedStepView> steps) {
}
