package dev.autopilot.remediation.playbook;

import dev.autopilot.remediation.action.ecs.EcsFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * P1, degradation: the CPU maximum and the error logs of the last hour as evidence, then the runbook's two fixes:
 * clear the application's cache and add tasks to the service's desired count; then the service must become stable
 * and the fix be verified.
 *
 * @param target   the managed service
 * @param settings how the playbooks behave
 */
public record DegradationPlaybook(ManagedService target, PlaybookSettings settings) implements EcsServicePlaybook {

    @Override
    public String name() {
        return "degradation";
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        String cluster = target.clusterOf(occasion);
        String service = target.serviceOf(occasion);
        EvidenceWindow window = EvidenceWindow.before(now, settings.evidenceWindow());
        return List.of(
                PlaybookStep.call("CPU utilisation, maximum per period, over the evidence window", "cloudwatch",
                        "GetMetricStatistics",
                        "Namespace", "AWS/ECS",
                        "MetricName", "CPUUtilization",
                        "Dimensions", List.of(
                                Map.of("Name", "ClusterName", "Value", cluster),
                                Map.of("Name", "ServiceName", "Value", service)),
                        "StartTime", window.from().toString(),
                        "EndTime", window.to().toString(),
                        "Period", (int) settings.metricPeriod().toSeconds(),
                        "Statistics", List.of("Maximum")),
                target.filterLogEvents("Error logs of the evidence window", "ERROR", window),
                PlaybookStep.call("Clear the application's cache", "http", "POST",
                        "url", target.cacheClearUrl())
                        .changing("clear-cache"),
                target.describeServices("Read the service's current desired count", cluster, service),
                target.updateService("Add " + settings.scaleOutBy() + " tasks to the desired count", cluster, service,
                        "desiredCount", "<" + EcsFacts.DESIRED_COUNT + "+" + settings.scaleOutBy() + ">")
                        .changing("scale"),
                target.waitUntilStable("Wait until the service is stable", cluster, service,
                        settings.stabilityTimeout()),
                target.verify("Verify the fix: service stable, targets healthy, the alarm's metric back under its threshold",
                        cluster, service, occasion, settings.verificationDeadline(),
                        settings.undoOnFailedVerification()));
    }
}
