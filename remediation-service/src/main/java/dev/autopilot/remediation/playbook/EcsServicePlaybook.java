package dev.autopilot.remediation.playbook;

/** A playbook that acts on one ECS service: the one the occasion names, else the managed service. */
public interface EcsServicePlaybook extends Playbook {

    /** The managed service. */
    ManagedService target();

    /** {@code ecs:<cluster>/<service>} of the service the occasion concerns. */
    @Override
    default String target(Occasion occasion) {
        return target().ecsTargetOf(occasion);
    }
}
