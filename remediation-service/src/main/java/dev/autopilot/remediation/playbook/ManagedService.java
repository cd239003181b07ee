package dev.autopilot.remediation.playbook;

import java.util.List;

/**
 * The service the runbook operates, by the names of its AWS resources, and the calls about it that several
 * playbooks share.
 *
 * @param cluster              the ECS cluster
 * @param service              the ECS service behind the load balancer
 * @param taskDefinitionFamily the service's task definition family, whose revisions a rollback moves between
 * @param targetGroupArn       the load balancer's target group of the service
 * @param alertsTopicArn       the SNS topic people subscribe to for alerts
 * @param metadataTable        the DynamoDB table backed up before a rollback
 * @param logGroup             the service's CloudWatch Logs group
 * @param cacheClearUrl        the admin endpoint that clears the application's cache
 * @param agents               the pipeline's agents, as they appear in alarm names and labels ({@code parser})
 * @param agentServiceTemplate the ECS service of one agent, with {@code {agent}} standing for its name
 */
public record ManagedService(String cluster, String service, String taskDefinitionFamily, String targetGroupArn,
        String alertsTopicArn, String metadataTable, String logGroup, String cacheClearUrl, List<String> agents,
        String agentServiceTemplate) {

    public ManagedService {
        agents = List.copyOf(agents);
    }

    /** The ECS service one agent runs as. */
    public String agentService(String agent) {
        return agentServiceTemplate.replace("{agent}", agent);
    }

    PlaybookStep describeServices(String name, String ecsService) {
        return PlaybookStep.call(name, "ecs", "DescribeServices",
                "cluster", cluster,
                "services", List.of(ecsService));
    }

    PlaybookStep describeTargetHealth(String name) {
        return PlaybookStep.call(name, "elbv2", "DescribeTargetHealth",
                "TargetGroupArn", targetGroupArn);
    }

    PlaybookStep updateService(String name, String ecsService, String parameter, Object value) {
        return PlaybookStep.call(name, "ecs", "UpdateService",
                "cluster", cluster,
                "service", ecsService,
                parameter, value);
    }

    /** Log events of the window that match the filter pattern (CloudWatch Logs takes epoch millis). */
    PlaybookStep filterLogEvents(String name, String filterPattern, EvidenceWindow window) {
        return PlaybookStep.call(name, "logs", "FilterLogEvents",
                "logGroupName", logGroup,
                "filterPattern", filterPattern,
                "startTime", window.from().toEpochMilli(),
                "endTime", window.to().toEpochMilli());
    }
}
