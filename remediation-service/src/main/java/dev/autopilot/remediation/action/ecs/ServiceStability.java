package dev.autopilot.remediation.action.ecs;

/**
 * When an ECS service is stable, as the runbook waits for it after a rollback: one deployment left, as many tasks
 * running as desired, and a rollout that is not in progress or failed.
 */
public final class ServiceStability {

    private ServiceStability() {
    }

    /**
     * What the check says.
     *
     * @param stable      whether the service is stable
     * @param explanation for people, e.g. {@code 2 deployments, running 1 of 2}
     */
    public record Verdict(boolean stable, String explanation) {
    }

    /**
     * @param deployments     how many deployments the service has
     * @param runningCount    tasks running
     * @param desiredCount    tasks desired
     * @param rolloutState    the primary deployment's rollout state, if ECS reports one
     */
    public static Verdict of(int deployments, int runningCount, int desiredCount, String rolloutState) {
        String state = deployments + (deployments == 1 ? " deployment" : " deployments") + ", running "
                + runningCount + " of " + desiredCount
                + (rolloutState == null || rolloutState.isBlank() ? "" : ", rollout " + rolloutState);
        boolean rolledOut = rolloutState == null || rolloutState.isBlank() || "COMPLETED".equals(rolloutState);
        return new Verdict(deployments == 1 && runningCount == desiredCount && rolledOut, state);
    }
}
