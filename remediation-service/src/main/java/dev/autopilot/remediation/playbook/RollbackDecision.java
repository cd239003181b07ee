package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an outage calls for the emergency rollback: the current task definition was deployed within the window
 * (a recent deployment is the likely cause) or a deployment failed. A deployment this service made itself (its own
 * rollback, still within the window) is not a cause to roll back again: that would walk down the revisions.
 *
 * @param window how recent a deployment must be to be suspected (the runbook: 60 minutes)
 */
public record RollbackDecision(Duration window) {

    /**
     * What is known about the service.
     *
     * @param currentTaskDefinition its task definition now, {@code family:N}
     * @param deployedAt            when its primary deployment was created
     * @param deploymentFailed      whether a deployment's rollout failed
     * @param lastRollbackTo        the task definition this service last rolled it back to, if any
     * @param lastRollbackAt        when
     */
    public record Evidence(String currentTaskDefinition, Instant deployedAt, boolean deploymentFailed,
            String lastRollbackTo, Instant lastRollbackAt) {
    }

    /**
     * The decision and its reason, for people.
     *
     * @param rollBack whether to roll back
     * @param reason   why or why not
     */
    public record Verdict(boolean rollBack, String reason) {
    }

    public Verdict decide(Evidence evidence, Instant now) {
        boolean ownRollback = evidence.lastRollbackTo() != null && evidence.lastRollbackAt() != null
                && evidence.lastRollbackTo().equals(evidence.currentTaskDefinition())
                && !evidence.lastRollbackAt().plus(window).isBefore(now);
        if (ownRollback) {
            return new Verdict(false, evidence.currentTaskDefinition() + " is this service's own rollback of "
                    + evidence.lastRollbackAt() + "; not rolling back again");
        }
        if (evidence.deploymentFailed()) {
            return new Verdict(true, "a deployment of the service failed");
        }
        if (evidence.deployedAt() != null && !evidence.deployedAt().plus(window).isBefore(now)) {
            return new Verdict(true, evidence.currentTaskDefinition() + " was deployed at " + evidence.deployedAt()
                    + ", within " + window.toMinutes() + " minutes");
        }
        return new Verdict(false, "no deployment within " + window.toMinutes() + " minutes and none failed");
    }
}
