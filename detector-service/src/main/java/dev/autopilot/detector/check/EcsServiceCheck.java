package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import dev.autopilot.support.aws.AwsClients;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * ECS {@code DescribeServices} of the managed service: the running count against the desired one, pending tasks
 * and deployments. A deployment younger than the rollback-evidence window is labelled as such
 * ({@code recentDeployment}), for the remediation's rollback decision.
 */
@Singleton // not a client proxy: it extends ConfiguredCheck, which has no no-args constructor
public class EcsServiceCheck extends ConfiguredCheck {

    private final ChecksConfig.EcsService config;
    private final ManagedServiceConfig managed;
    private final Supplier<EcsClient> ecs;

    @Inject
    public EcsServiceCheck(ChecksConfig checks, ManagedServiceConfig managed, AwsClients aws) {
        super(checks.ecsService());
        this.config = checks.ecsService();
        this.managed = managed;
        this.ecs = aws.lazily(EcsClient::builder);
    }

    @Override
    public String name() {
        return "ecs-service";
    }

    @Override
    public List<SignalReceived> run(Instant now) {
        DescribeServicesResponse answer = ecs.get().describeServices(r -> r.cluster(managed.cluster())
                .services(managed.service()));
        if (answer.services().isEmpty()) {
            String why = answer.failures().isEmpty() ? "not found" : answer.failures().get(0).reason();
            throw new IllegalStateException("ECS service " + managed.service() + ": " + why);
        }
        Service service = answer.services().get(0);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", managed.cluster());
        labels.put("desiredCount", Integer.toString(service.desiredCount()));
        labels.put("pendingCount", Integer.toString(service.pendingCount()));
        labels.put("serviceStatus", service.status());
        labels.put("taskDefinition", service.taskDefinition());
        labels.put("deployments", Integer.toString(service.deployments().size()));
        Deployment newest = service.deployments().stream()
                .filter(d -> d.createdAt() != null)
                .max((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .orElse(null);
        if (newest != null) {
            Duration age = Duration.between(newest.createdAt(), now);
            labels.put("newestDeploymentAt", newest.createdAt().toString());
            labels.put("newestDeploymentRollout", newest.rolloutStateAsString());
            labels.put("recentDeployment", Boolean.toString(age.compareTo(config.rollbackEvidenceWindow()) < 0));
        }
        boolean missing = service.runningCount() < service.desiredCount();
        return List.of(Samples.of(name(), managed.cluster() + "/" + managed.service(), "runningCount",
                managed.service(), service.runningCount(), missing,
                "ECS " + managed.service() + ": " + service.runningCount() + " of " + service.desiredCount()
                        + " tasks running", labels, now));
    }

}
