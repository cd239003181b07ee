package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/**
 * For an incident type no playbook serves: gather the evidence an on-call engineer looks at first, change nothing.
 *
 * @param target the managed service
 */
public record EvidencePlaybook(ManagedService target) implements EcsServicePlaybook {

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public List<String> types() {
        return List.of();
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        return List.of(
                target.describeServices("Check the ECS service", target.clusterOf(occasion),
                        target.serviceOf(occasion)),
                target.describeTargetHealth("Check the health of the load balancer's targets"));
    }
}
