package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/**
 * A traffic surge: the runbook's pre-scale of the service to a fixed number of tasks (10 by default), then wait
 * until it is stable.
 *
 * @param target   the managed service
 * @param settings how the playbooks behave
 */
public record TrafficSurgePlaybook(ManagedService target, PlaybookSettings settings) implements EcsServicePlaybook {

    @Override
    public String name() {
        return "traffic-surge";
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        String cluster = target.clusterOf(occasion);
        String service = target.serviceOf(occasion);
        return List.of(
                target.describeServices("Check the ECS service", cluster, service),
                target.updateService("Scale the service to " + settings.surgeDesiredCount() + " tasks", cluster,
                        service, "desiredCount", settings.surgeDesiredCount())
                        .changing("scale"),
                target.waitUntilStable("Wait until the service is stable", cluster, service,
                        settings.stabilityTimeout()));
    }
}
