package dev.autopilot.remediation.action.ecs;

/** The names of what the ECS action finds out, for the steps after it (placeholders and conditions). */
public final class EcsFacts {

    /** The service's task definition, {@code family:N}. */
    public static final String TASK_DEFINITION = "taskDefinition";
    /** Its family. */
    public static final String FAMILY = "family";
    /** Its revision N. */
    public static final String REVISION = "N";
    /** The newest ACTIVE revision of the family below N. */
    public static final String PREVIOUS_REVISION = "N-1";
    public static final String DESIRED_COUNT = "desiredCount";
    public static final String RUNNING_COUNT = "runningCount";
    /** When the primary deployment was created (ISO-8601). */
    public static final String DEPLOYED_AT = "deployedAt";
    /** Whether a deployment's rollout failed. */
    public static final String DEPLOYMENT_FAILED = "deploymentFailed";

    private EcsFacts() {
    }
}
