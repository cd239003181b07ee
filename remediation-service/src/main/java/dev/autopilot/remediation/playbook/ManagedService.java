package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.util.List;

/**
 * The service the runbook operates, by the names of its AWS resources, and the calls about it that several
 * playbooks share. An incident that names another ECS service or cluster in its alarm's dimensions
 * ({@code dimension.ServiceName}, {@code dimension.ClusterName}) is answered on that one.
 *
 * @param cluster               the ECS cluster
 * @param service               the ECS service behind the load balancer
 * @param targetGroupArn        the load balancer's target group of the service
 * @param loadBalancer          the load balancer as CloudWatch's {@code LoadBalancer} dimension names it
 * @param alertsTopicArn        the SNS topic people subscribe to for alerts
 * @param metadataTable         the DynamoDB table backed up before a rollback and daily
 * @param logGroup              the service's CloudWatch Logs group
 * @param cacheClearUrl         the admin endpoint that clears the application's cache
 * @param invalidateSessionsUrl the admin endpoint that invalidates every session
 * @param apiKeySecret          the Secrets Manager secret of the API keys
 * @param bucket                the S3 bucket of generated projects
 * @param breakGlassPrincipals  who the emergency deny policy still lets in
 * @param agents                the pipeline's agents, as they appear in alarm names and labels ({@code parser})
 * @param agentServiceTemplate  the ECS service of one agent, with {@code {agent}} standing for its name
 */
public record ManagedService(String cluster, String service, String targetGroupArn, String loadBalancer,
        String alertsTopicArn, String metadataTable, String logGroup, String cacheClearUrl,
        String invalidateSessionsUrl, String apiKeySecret, String bucket, List<String> breakGlassPrincipals,
        List<String> agents, String agentServiceTemplate) {

    public ManagedService {
        agents = List.copyOf(agents);
        breakGlassPrincipals = List.copyOf(breakGlassPrincipals);
    }

    /** The ECS service one agent runs as. */
    public String agentService(String agent) {
        return agentServiceTemplate.replace("{agent}", agent);
    }

    /** The ECS cluster the occasion concerns: the one its labels name, else the configured one. */
    public String clusterOf(Occasion occasion) {
        String named = occasion.label("dimension.ClusterName");
        return named == null || named.isBlank() ? cluster : named;
    }

    /** The ECS service the occasion concerns: the one its labels name, else the configured one. */
    public String serviceOf(Occasion occasion) {
        String named = occasion.label("dimension.ServiceName");
        return named == null || named.isBlank() ? service : named;
    }

    /** The load balancer the occasion concerns (its {@code dimension.LoadBalancer} label), else the configured one. */
    public String loadBalancerOf(Occasion occasion) {
        String named = occasion.label("dimension.LoadBalancer");
        return named == null || named.isBlank() ? loadBalancer : named;
    }

    /** The lock name of an ECS service. */
    public static String ecsTarget(String cluster, String service) {
        return "ecs:" + cluster + "/" + service;
    }

    /** The lock name of the ECS service the occasion concerns. */
    public String ecsTargetOf(Occasion occasion) {
        return ecsTarget(clusterOf(occasion), serviceOf(occasion));
    }

    PlaybookStep describeServices(String name, String ecsCluster, String ecsService) {
        return PlaybookStep.call(name, "ecs", "DescribeServices",
                "cluster", ecsCluster,
                "services", List.of(ecsService));
    }

    PlaybookStep describeTargetHealth(String name) {
        return PlaybookStep.call(name, "elbv2", "DescribeTargetHealth",
                "TargetGroupArn", targetGroupArn);
    }

    PlaybookStep updateService(String name, String ecsCluster, String ecsService, String parameter, Object value) {
        return PlaybookStep.call(name, "ecs", "UpdateService",
                "cluster", ecsCluster,
                "service", ecsService,
                parameter, value);
    }

    /** Waits until the service has one deployment and runs as many tasks as it desires. */
    PlaybookStep waitUntilStable(String name, String ecsCluster, String ecsService, Duration timeout) {
        return PlaybookStep.call(name, "ecs", "WaitUntilServicesStable",
                "cluster", ecsCluster,
                "services", List.of(ecsService))
                .when(StepConditions.AFTER_CHANGE)
                .waitingUpTo(timeout);
    }

    /**
     * Checks fresh evidence after a fix: the service stable, the targets healthy and, when the occasion names its
     * alarm, the alarm's metric back on the right side of its threshold.
     */
    PlaybookStep verify(String name, String ecsCluster, String ecsService, Occasion occasion, Duration deadline,
            boolean undoOnFailure) {
        String alarm = occasion.label("alarmName");
        PlaybookStep step = alarm == null
                ? PlaybookStep.call(name, "verification", "VerifyFix",
                        "cluster", ecsCluster, "service", ecsService, "TargetGroupArn", targetGroupArn)
                : PlaybookStep.call(name, "verification", "VerifyFix",
                        "cluster", ecsCluster, "service", ecsService, "TargetGroupArn", targetGroupArn,
                        "AlarmName", alarm);
        return step.when(StepConditions.AFTER_CHANGE).waitingUpTo(deadline).undoingOnFailure(undoOnFailure);
    }

    /** Log events of the window that match the filter pattern (CloudWatch Logs takes epoch millis). */
    PlaybookStep filterLogEvents(String name, String filterPattern, EvidenceWindow window) {
        return PlaybookStep.call(name, "logs", "FilterLogEvents",
                "logGroupName", logGroup,
                "filterPattern", filterPattern,
                "startTime", window.from().toEpochMilli(),
                "endTime", window.to().toEpochMilli(),
                "limit", 50);
    }
}
