package dev.autopilot.remediation.playbook;

import java.time.Duration;

/**
 * How the runbook's playbooks behave, beyond what they act on.
 *
 * @param evidenceWindow           how far back evidence looks (metrics, error logs); the runbook's last hour
 * @param metricPeriod             the period of metric statistics; the runbook's 5 minutes
 * @param rollbackRequiresApproval whether the emergency rollback waits for a person's approval
 * @param scaleOutBy               how many tasks a degradation adds to the desired count; the runbook's 2
 * @param surgeDesiredCount        the desired count a traffic surge scales to; the runbook's 10
 */
public record PlaybookSettings(Duration evidenceWindow, Duration metricPeriod, boolean rollbackRequiresApproval,
        int scaleOutBy, int surgeDesiredCount) {
}
