package dev.autopilot.remediation.playbook;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An incident to show a plan for.
 *
 * @param incidentId its id, if it has one
 * @param title      its title (a failing agent's name, ...)
 * @param labels     its labels ({@code alarmName}, {@code dimension.ServiceName}, {@code bucket}, ...)
 */
public record PlanRequest(String incidentId, @Size(max = 500) String title, Map<String, String> labels) {
}
