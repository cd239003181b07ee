package dev.autopilot.remediation.playbook;

import dev.autopilot.remediation.action.ecs.EcsFacts;
import java.time.Instant;
import java.util.List;

/**
 * The detector's scaling recommendation ({@code ScalingRecommended}): scale the service out or in by the configured
 * step, unless it was scaled within the cooldown. The ECS action keeps any desired count within the scaling bounds
 * (2 to 20 tasks).
 *
 * @param target   the managed service
 * @param settings how the playbooks behave, with the scaling steps and cooldowns
 */
public record ScalingPlaybook(ManagedService target, PlaybookSettings settings) implements EcsServicePlaybook {

    public static final String NAME = "scaling";

    @Override
    public String name() {
        return NAME;
    }

    /** Scaling answers recommendations, not incidents. */
    @Override
    public List<String> types() {
        return List.of();
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        String cluster = target.clusterOf(occasion);
        String service = target.serviceOf(occasion);
        PlaybookSettings.Scaling scaling = settings.scaling();
        boolean in = "IN".equals(occasion.label("direction"));
        String desired = "<" + EcsFacts.DESIRED_COUNT + (in ? "-" + scaling.inStep() : "+" + scaling.outStep()) + ">";
        return List.of(
                target.describeServices("Read the service's current desired count", cluster, service),
                target.updateService(in ? "Scale in by " + scaling.inStep() + (scaling.inStep() == 1 ? " task" : " tasks")
                        : "Scale out by " + scaling.outStep() + (scaling.outStep() == 1 ? " task" : " tasks"),
                        cluster, service, "desiredCount", desired)
                        .changing("scale")
                        .when(StepConditions.cooldownOver(in ? scaling.inCooldown() : scaling.outCooldown())));
    }
}
