package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Instant;
import java.util.List;

/**
 * A traffic surge: the runbook's pre-scale of the service to a fixed number of tasks (10 by default).
 *
 * @param target       the managed service
 * @param desiredCount the number of tasks to scale to
 */
public record TrafficSurgePlaybook(ManagedService target, int desiredCount) implements Playbook {

    @Override
    public String name() {
        return "traffic-surge";
    }

    @Override
    public List<PlaybookStep> plan(IncidentOpened incident, Instant now) {
        return List.of(
                target.describeServices("Check the ECS service", target.service()),
                target.updateService("Scale the service to " + desiredCount + " tasks", target.service(),
                        "desiredCount", desiredCount));
    }
}
