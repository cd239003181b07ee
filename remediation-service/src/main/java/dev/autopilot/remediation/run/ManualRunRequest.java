package dev.autopilot.remediation.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A person's request to run a playbook for an incident.
 *
 * @param playbook the playbook's name ({@code GET /playbooks})
 * @param type     the incident type, as the playbook reads it (default: the playbook's name)
 * @param title    the incident's title, as the playbook reads it (an agent's name, ...)
 * @param labels   the incident's labels, as the playbook reads them ({@code dimension.ServiceName}, {@code bucket})
 * @param mode     {@code dry-run} to only record what it would send; {@code live} runs as the service does
 */
public record ManualRunRequest(
        @NotBlank String playbook,
        @Size(max = 200) String type,
        @Size(max = 500) String title,
        Map<String, String> labels,
        String mode) {
}
