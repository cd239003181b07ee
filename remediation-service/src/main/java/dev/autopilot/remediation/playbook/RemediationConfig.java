package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.remediation.ExecutionMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;

/**
 * How remediation runs and what it acts on. Every default is the runbook's own name or number; a user with
 * another service on AWS replaces them here (or through the environment, e.g.
 * {@code REMEDIATION_MANAGED_SERVICE_CLUSTER}).
 */
@ConfigMapping(prefix = "remediation")
public interface RemediationConfig {

    /**
     * {@code dry-run} records the requests a playbook would send and sends none. Only {@code dry-run} is
     * implemented so far: the service refuses to start in {@code live}.
     */
    @WithDefault("dry-run")
    ExecutionMode mode();

    /** The AWS resources of the service the runbook operates. */
    ManagedServiceConfig managedService();

    /** How the playbooks behave. */
    PlaybooksConfig playbooks();

    /** See {@link ManagedService}. */
    interface ManagedServiceConfig {

        /** The ECS cluster. */
        @WithDefault("t-developer-cluster-production")
        String cluster();

        /** The ECS service behind the load balancer. */
        @WithDefault("t-developer-service-production")
        String service();

        /** The service's task definition family, whose revision N-1 an emergency rollback goes to. */
        @WithDefault("t-developer")
        String taskDefinitionFamily();

        /** The load balancer's target group of the service. */
        @WithDefault("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09")
        String targetGroupArn();

        /** The SNS topic of alerts, where a rollback is announced. */
        @WithDefault("arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production")
        String alertsTopicArn();

        /** The DynamoDB table backed up before a rollback. */
        @WithDefault("t-developer-metadata-production")
        String metadataTable();

        /** The service's CloudWatch Logs group. */
        @WithDefault("/ecs/t-developer-production")
        String logGroup();

        /** The admin endpoint that clears the application's cache (on the internal load balancer). */
        @WithDefault("http://internal-load-balancer/admin/clear-cache")
        String cacheClearUrl();

        /** The pipeline's agents, as alarm names and labels name them. */
        @WithDefault("nl-input,ui-selection,parser,component-decision,match-rate,search,generation,assembly,download")
        List<String> agents();

        /** The ECS service of one agent; {@code {agent}} stands for the agent's name. */
        @WithDefault("t-developer-{agent}-agent-production")
        String agentService();
    }

    /** See {@link PlaybookSettings}. */
    interface PlaybooksConfig {

        /** How far back evidence (metrics, error logs) looks. */
        @WithDefault("1h")
        Duration evidenceWindow();

        /** The period of metric statistics. */
        @WithDefault("5m")
        Duration metricPeriod();

        /** Whether the emergency rollback waits for a person's approval. */
        @WithDefault("false")
        boolean rollbackRequiresApproval();

        /** How many tasks a degradation adds to the desired count. */
        @WithDefault("2")
        @Min(1)
        int scaleOutBy();

        /** The desired count a traffic surge scales to. */
        @WithDefault("10")
        @Min(1)
        int surgeDesiredCount();
    }
}
