package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * P1, degradation: the CPU maximum and the error logs of the last hour as evidence, then the runbook's two fixes:
 * clear the application's cache and add tasks to the service's desired count.
 *
 * @param target         the managed service
 * @param evidenceWindow how far back the CPU statistics and error logs look
 * @param metricPeriod   the period of the CPU statistics
 * @param scaleOutBy     how many tasks to add to the desired count
 */
public record DegradationPlaybook(ManagedService target, Duration evidenceWindow, Duration metricPeriod,
        int scaleOutBy) implements Playbook {

    @Override
    public String name() {
        return "degradation";
    }

    @Override
    public List<PlaybookStep> plan(IncidentOpened incident, Instant now) {
        EvidenceWindow window = EvidenceWindow.before(now, evidenceWindow);
        return List.of(
                PlaybookStep.call("CPU utilisation, maximum per period, over the evidence window", "cloudwatch",
                        "GetMetricStatistics",
                        "Namespace", "AWS/ECS",
                        "MetricName", "CPUUtilization",
                        "Dimensions", List.of(
                                Map.of("Name", "ClusterName", "Value", target.cluster()),
                                Map.of("Name", "ServiceName", "Value", target.service())),
                        "StartTime", window.from().toString(),
                        "EndTime", window.to().toString(),
                        "Period", (int) metricPeriod.toSeconds(),
                        "Statistics", List.of("Maximum")),
                target.filterLogEvents("Error logs of the evidence window", "ERROR", window),
                PlaybookStep.call("Clear the application's cache", "http", "POST",
                        "url", target.cacheClearUrl()),
                target.describeServices("Read the service's current desired count", target.service()),
                target.updateService("Add " + scaleOutBy + " tasks to the desired count", target.service(),
                        "desiredCount", "<desiredCount+" + scaleOutBy + ">"));
    }
}
