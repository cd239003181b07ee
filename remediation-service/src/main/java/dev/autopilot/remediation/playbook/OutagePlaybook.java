package dev.autopilot.remediation.playbook;

import dev.autopilot.remediation.action.ecs.EcsFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * P0, total outage: the runbook's checks, then its emergency rollback done right when a recent or failed
 * deployment is the likely cause (revision N-1 found among the family's ACTIVE revisions, the metadata table backed
 * up first, the rollback announced on the alerts topic); otherwise, when traffic surged, the pre-scale to 10 tasks.
 * After either, it waits until the service is stable and verifies the fix, undoing it if the verification fails.
 *
 * @param target   the managed service
 * @param settings how the playbooks behave
 */
public record OutagePlaybook(ManagedService target, PlaybookSettings settings) implements EcsServicePlaybook {

    /** The backup's name: the runbook's {@code manual-backup-YYYYMMDD-HHMMSS}, at the time the backup runs (UTC). */
    public static final String BACKUP_NAME = "manual-backup-<time:yyyyMMdd-HHmmss>";

    @Override
    public String name() {
        return "outage";
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        String cluster = target.clusterOf(occasion);
        String service = target.serviceOf(occasion);
        String previous = "<" + EcsFacts.FAMILY + ">:<" + EcsFacts.PREVIOUS_REVISION + ">";
        EvidenceWindow window = EvidenceWindow.before(now, settings.evidenceWindow());
        return List.of(
                target.describeServices("Check the ECS service, its deployments and its task definition (revision N)",
                        cluster, service),
                target.describeTargetHealth("Check the health of the load balancer's targets"),
                PlaybookStep.call("Requests per period over the evidence window (did traffic surge?)", "cloudwatch",
                        "GetMetricStatistics",
                        "Namespace", "AWS/ApplicationELB",
                        "MetricName", "RequestCount",
                        "Dimensions", List.of(Map.of("Name", "LoadBalancer", "Value", target.loadBalancerOf(occasion))),
                        "StartTime", window.from().toString(),
                        "EndTime", window.to().toString(),
                        "Period", (int) settings.metricPeriod().toSeconds(),
                        "Statistics", List.of("Sum")),
                PlaybookStep.call("Find revision N-1 among the family's active task definitions", "ecs",
                        "ListTaskDefinitions",
                        "familyPrefix", "<" + EcsFacts.FAMILY + ">",
                        "status", "ACTIVE",
                        "sort", "DESC")
                        .when(StepConditions.ROLLBACK),
                PlaybookStep.call("Check that revision N-1 is active", "ecs", "DescribeTaskDefinition",
                        "taskDefinition", previous)
                        .when(StepConditions.ROLLBACK),
                PlaybookStep.call("Back up the metadata table before the rollback", "dynamodb", "CreateBackup",
                        "TableName", target.metadataTable(),
                        "BackupName", BACKUP_NAME)
                        .changing("backup").when(StepConditions.ROLLBACK),
                target.updateService("Roll the service back to revision N-1", cluster, service,
                        "taskDefinition", previous)
                        .changing("rollback").when(StepConditions.ROLLBACK),
                PlaybookStep.call("Announce the rollback on the alerts topic", "sns", "Publish",
                        "TopicArn", target.alertsTopicArn(),
                        "Message", "EMERGENCY ROLLBACK: Service rolled back to " + previous)
                        .changing("announce").when(StepConditions.ROLLBACK),
                target.updateService("Scale the service to " + settings.surgeDesiredCount() + " tasks", cluster,
                        service, "desiredCount", settings.surgeDesiredCount())
                        .changing("scale").when(StepConditions.SURGE),
                target.waitUntilStable("Wait until the service is stable", cluster, service,
                        settings.stabilityTimeout()),
                target.verify("Verify the fix: service stable, targets healthy, the alarm's metric back under its threshold",
                        cluster, service, occasion, settings.verificationDeadline(),
                        settings.undoOnFailedVerification()));
    }
}
