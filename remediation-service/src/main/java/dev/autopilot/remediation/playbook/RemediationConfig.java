package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.remediation.ExecutionMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How remediation runs and what it acts on. Every default is the runbook's own name or number; a user with
 * another service on AWS replaces them here (or through the environment, e.g.
 * {@code REMEDIATION_MANAGED_SERVICE_CLUSTER}).
 */
@ConfigMapping(prefix = "remediation")
public interface RemediationConfig {

    /**
     * {@code live} sends the playbooks' requests; {@code dry-run} records the requests that change something and
     * sends none of them. Without AWS credentials the service runs dry-run whatever this says.
     */
    @WithDefault("dry-run")
    ExecutionMode mode();

    /** Overrides that make a playbook or an action dry-run while the service is live. */
    ModesConfig modes();

    /** The AWS resources of the service the runbook operates. */
    ManagedServiceConfig managedService();

    /** How the playbooks behave. */
    PlaybooksConfig playbooks();

    /** How steps run: waits, retries, dry-run reads. */
    EngineConfig engine();

    /** Bounds, rate limits and the circuit breaker. */
    SafetyConfig safety();

    /** Steps that wait for a person. */
    ApprovalsConfig approvals();

    /** The daily backup of the metadata table. */
    BackupsConfig backups();

    /** Calls to the application's admin endpoints. */
    HttpConfig http();

    /** How each agent is restarted, by agent name; an agent not listed gets a forced new deployment. */
    Map<String, AgentConfig> agents();

    /** See {@link dev.autopilot.remediation.mode.ExecutionModes}. */
    interface ModesConfig {

        /** Playbooks that run dry-run whatever the global mode, by name: {@code remediation.modes.playbooks.security=dry-run}. */
        Map<String, ExecutionMode> playbooks();

        /**
         * Actions that run dry-run whatever their remediation's mode, by {@code service.Operation}:
         * {@code remediation.modes.actions."secretsmanager.RotateSecret"=dry-run}.
         */
        Map<String, ExecutionMode> actions();
    }

    /** See {@link ManagedService}. */
    interface ManagedServiceConfig {

        /** The ECS cluster (an incident's {@code dimension.ClusterName} label names another). */
        @WithDefault("t-developer-cluster-production")
        String cluster();

        /** The ECS service behind the load balancer (an incident's {@code dimension.ServiceName} label names another). */
        @WithDefault("t-developer-service-production")
        String service();

        /** The load balancer's target group of the service. */
        @WithDefault("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09")
        String targetGroupArn();

        /** The load balancer, as CloudWatch's {@code LoadBalancer} dimension names it: its request count shows a surge. */
        @WithDefault("app/t-developer-alb-production/50dc6c495c0c9188")
        String loadBalancer();

        /** The SNS topic of alerts, where a rollback is announced. */
        @WithDefault("arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production")
        String alertsTopicArn();

        /** The DynamoDB table backed up before a rollback and every day. */
        @WithDefault("t-developer-metadata-production")
        String metadataTable();

        /** The service's CloudWatch Logs group. */
        @WithDefault("/ecs/t-developer-production")
        String logGroup();

        /** The admin endpoint that clears the application's cache (on the internal load balancer). */
        @WithDefault("http://internal-load-balancer/admin/clear-cache")
        String cacheClearUrl();

        /** The admin endpoint that invalidates every user session. */
        @WithDefault("http://internal-load-balancer/admin/invalidate-sessions")
        String invalidateSessionsUrl();

        /** The Secrets Manager secret of the API keys, rotated on suspicious activity. */
        @WithDefault("t-developer/production/api-keys")
        String apiKeySecret();

        /** The bucket of generated projects, closed on a suspected data leak (an incident's {@code bucket} label names another). */
        @WithDefault("t-developer-projects-production")
        String bucket();

        /** Principals (ARNs) the emergency deny policy still lets in, so people can investigate and undo. */
        @WithDefault("arn:aws:iam::123456789012:role/t-developer-break-glass")
        List<String> breakGlassPrincipals();

        /** The pipeline's agents, as alarm names and labels name them. */
        @WithDefault("nl-input,ui-selection,parser,component-decision,match-rate,search,generation,assembly,download")
        List<String> agents();

        /** The ECS service of one agent; {@code {agent}} stands for the agent's name. */
        @WithDefault("t-developer-{agent}-agent-production")
        String agentService();
    }

    /** See the playbooks. */
    interface PlaybooksConfig {

        /** Incident types served by another playbook than the one named like them: {@code remediation.playbooks.types.slo-warning=degradation}. */
        Map<String, String> types();

        /** How far back evidence (metrics, error logs) looks. */
        @WithDefault("1h")
        Duration evidenceWindow();

        /** The period of metric statistics. */
        @WithDefault("5m")
        Duration metricPeriod();

        /** An outage rolls back when the current task definition was deployed within this long (or a deployment failed). */
        @WithDefault("60m")
        Duration rollbackWindow();

        /** An outage without a rollback scales out when the last period's requests are this many times the usual. */
        @WithDefault("2.0")
        double surgeFactor();

        /** How many tasks a degradation adds to the desired count. */
        @WithDefault("2")
        @Min(1)
        int scaleOutBy();

        /** The desired count a traffic surge scales to. */
        @WithDefault("10")
        @Min(1)
        int surgeDesiredCount();

        /** How long a rollback or scale-out may take to leave the service stable. */
        @WithDefault("10m")
        Duration stabilityTimeout();

        /** How long after a fix its verification may take (service stable, targets healthy, metric under its threshold). */
        @WithDefault("10m")
        Duration verificationDeadline();

        /** Whether a failed verification undoes the fix. */
        @WithDefault("true")
        boolean undoOnFailedVerification();

        /** Scaling on the detector's recommendations. */
        ScalingConfig scaling();
    }

    /** See {@link ScalingPlaybook}. */
    interface ScalingConfig {

        /** Tasks added on a scale-out recommendation. */
        @WithDefault("2")
        @Min(1)
        int outStep();

        /** Tasks removed on a scale-in recommendation. */
        @WithDefault("1")
        @Min(1)
        int inStep();

        /** No scale-out within this long of the last scaling of the service. */
        @WithDefault("3m")
        Duration outCooldown();

        /** No scale-in within this long of the last scaling of the service. */
        @WithDefault("5m")
        Duration inCooldown();
    }

    /** See {@link dev.autopilot.remediation.run.RemediationEngine}. */
    interface EngineConfig {

        /** Threads that run steps; each claims its own ({@code FOR UPDATE SKIP LOCKED}), so remediations run side by side. */
        @WithDefault("4")
        @Min(1)
        int workers();

        /** How often the engine looks for due work without being woken (work is normally woken on commit). */
        @WithDefault("30s")
        Duration fallbackInterval();

        /** How often a waiting step (stability, verification) checks again. */
        @WithDefault("10s")
        Duration pollInterval();

        /** How often a remediation waiting for its target's lock checks again, should no release wake it. */
        @WithDefault("1m")
        Duration lockRecheck();

        /** Attempts of a step whose failure may pass (throttling, 5xx, timeouts), the first included. */
        @WithDefault("4")
        @Min(1)
        int maxAttempts();

        /** The wait after the first failed attempt; doubled after each next one. */
        @WithDefault("2s")
        Duration retryInitial();

        /** The longest wait between attempts. */
        @WithDefault("30s")
        Duration retryMax();

        /** Whether a dry run sends the requests that only read (with credentials), so it records the exact changes it would make. */
        @WithDefault("true")
        boolean dryRunReads();
    }

    /** See the {@code safety} package. */
    interface SafetyConfig {

        /** The fewest tasks any playbook may leave a service with. */
        @WithDefault("2")
        @Min(0)
        int minTasks();

        /** The most tasks any playbook may give a service. */
        @WithDefault("20")
        @Min(1)
        int maxTasks();

        /** At most {@code max} executions of a kind of action per target within {@code window}, by kind ({@code rollback}, ...). */
        Map<String, RateLimitConfig> rateLimits();

        /** Consecutive failures on a target that stop automation for it. */
        @WithDefault("3")
        @Min(1)
        int breakerFailures();

        /** How long automation stays stopped for the target after the last of them. */
        @WithDefault("1h")
        Duration breakerOpenFor();
    }

    interface RateLimitConfig {
        @Min(0)
        int max();

        Duration window();
    }

    /** See the {@code approval} package. */
    interface ApprovalsConfig {

        /** How long a step waits for a person before the remediation escalates. */
        @WithDefault("15m")
        Duration timeout();

        /** The steps that wait for a person: by kind ({@code rollback}) or by playbook and kind ({@code traffic-surge.scale}). */
        Optional<List<String>> requiredFor();
    }

    /** See the {@code backup} package. */
    interface BackupsConfig {

        /** Whether the daily backup runs. */
        @WithDefault("true")
        boolean enabled();

        /** When, each day, in UTC ({@code HH:mm}). */
        @WithDefault("03:00")
        String dailyAt();
    }

    /** See {@link dev.autopilot.remediation.action.http.HttpAction}. */
    interface HttpConfig {

        /** The longest an admin call may take. */
        @WithDefault("5s")
        Duration timeout();

        /** The {@code Authorization} header of admin calls, if they need one: from the environment only ({@code REMEDIATION_HTTP_AUTHORIZATION}). */
        Optional<String> authorization();
    }

    /** How an agent is restarted. */
    interface AgentConfig {

        /** {@code force-new-deployment} of its service, {@code stop-task} of its tasks, or an {@code admin-http} call. */
        @WithDefault("force-new-deployment")
        AgentRestart restart();

        /** For {@code admin-http}: the URL to POST to. */
        Optional<String> url();
    }
}
