package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.util.Map;

/**
 * How the runbook's playbooks behave, beyond what they act on.
 *
 * @param evidenceWindow           how far back evidence looks (metrics, error logs); the runbook's last hour
 * @param metricPeriod             the period of metric statistics; the runbook's 5 minutes
 * @param scaleOutBy               how many tasks a degradation adds to the desired count; the runbook's 2
 * @param surgeDesiredCount        the desired count a traffic surge scales to; the runbook's 10
 * @param stabilityTimeout         how long a changed service may take to become stable
 * @param verificationDeadline     how long a fix's verification may take
 * @param undoOnFailedVerification whether a failed verification undoes the fix
 * @param scaling                  scaling on recommendations
 * @param agentRestarts            how each agent is restarted; an agent not listed gets a forced new deployment
 */
public record PlaybookSettings(Duration evidenceWindow, Duration metricPeriod, int scaleOutBy, int surgeDesiredCount,
        Duration stabilityTimeout, Duration verificationDeadline, boolean undoOnFailedVerification,
        Scaling scaling, Map<String, AgentRestart.Setting> agentRestarts) {

    public PlaybookSettings {
        agentRestarts = Map.copyOf(agentRestarts);
    }

    /**
     * Steps and cooldowns of scaling on recommendations.
     *
     * @param outStep     tasks added on a scale-out
     * @param inStep      tasks removed on a scale-in
     * @param outCooldown no scale-out within this long of the last scaling
     * @param inCooldown  no scale-in within this long of the last scaling
     */
    public record Scaling(int outStep, int inStep, Duration outCooldown, Duration inCooldown) {
    }
}
