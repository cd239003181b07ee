package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/** The ECS service's status: ECS DescribeServices. */
@ApplicationScoped
public class EcsReader {

    public static final String SOURCE = "ecs:DescribeServices";

    private final EcsClient ecs;

    @Inject
    public EcsReader(AwsClients aws) {
        this.ecs = aws.build(EcsClient.builder());
    }

    public Section serviceStatus(String cluster, String service) {
        DescribeServicesResponse response = ecs.describeServices(b -> b.cluster(cluster).services(service));
        if (!response.hasServices() || response.services().isEmpty()) {
            String reason = response.hasFailures() && !response.failures().isEmpty()
                    ? response.failures().get(0).reason() : "no such service";
            throw new IllegalStateException(service + " in " + cluster + ": " + reason);
        }
        Service found = response.services().get(0);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("service", found.serviceName());
        facts.put("status", found.status());
        facts.put("runningCount", found.runningCount());
        facts.put("desiredCount", found.desiredCount());
        facts.put("pendingCount", found.pendingCount());
        facts.put("taskDefinition", found.taskDefinition());
        String rollout = found.hasDeployments() && !found.deployments().isEmpty()
                ? found.deployments().get(0).rolloutStateAsString() : null;
        facts.put("rolloutState", rollout);
        boolean healthy = "ACTIVE".equals(found.status()) && found.runningCount() != null
                && found.runningCount().equals(found.desiredCount());
        facts.put("healthy", healthy);
        return Section.of(SOURCE, "ECS service", List.of(found.serviceName() + " is " + found.status() + ", "
                + found.runningCount() + " of " + found.desiredCount() + " tasks running"
                + (found.pendingCount() != null && found.pendingCount() > 0 ? ", " + found.pendingCount() + " pending"
                        : "")
                + (rollout == null ? "" : ", rollout " + rollout)
                + (healthy ? "" : " (attention)")), facts);
    }
}
