package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Instant;
import java.util.List;

/**
 * For an incident type no playbook serves: gather the evidence an on-call engineer looks at first, change nothing.
 *
 * @param target the managed service
 */
public record EvidencePlaybook(ManagedService target) implements Playbook {

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public List<PlaybookStep> plan(IncidentOpened incident, Instant now) {
        return List.of(
                target.describeServices("Check the ECS service", target.service()),
                target.describeTargetHealth("Check the health of the load balancer's targets"));
    }
}
