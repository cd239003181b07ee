package dev.autopilot.detector.managed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * The service the detector watches (the runbook's T-Developer on ECS Fargate behind an ALB): what its alarms,
 * events and checks are about. The defaults are the runbook's names.
 */
@ConfigMapping(prefix = "detector.managed")
public interface ManagedServiceConfig {

    /** The ECS service; incidents concern it unless a signal or rule names another. */
    @WithDefault("t-developer-service-production")
    String service();

    /** Its ECS cluster. */
    @WithDefault("t-developer-cluster-production")
    String cluster();

    /** The ALB's CloudWatch dimension value ({@code app/<name>/<id>}). */
    @WithDefault("app/t-developer-alb/50dc6c495c0c9188")
    String loadBalancer();

    /** The ALB target group the service's tasks register in. */
    @WithDefault("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg/6d0ecf831eec9f09")
    String targetGroupArn();

    /** The CloudWatch Logs group of the service. */
    @WithDefault("/ecs/t-developer-production")
    String logGroup();

    /** The custom CloudWatch namespace of the pipeline's metrics. */
    @WithDefault("T-Developer/Pipeline")
    String pipelineNamespace();

    /**
     * The agents of the pipeline, by the names their containers, tasks, metrics and log lines carry (lower case,
     * words joined by dashes; {@code nl_input} and {@code NL Input} are recognised as {@code nl-input}).
     */
    @WithDefault("nl-input,ui-selection,parser,component-decision,match-rate,search,generation,assembly,download")
    List<String> agents();

    /** Security groups whose changes are security incidents: name patterns ({@code *} is a wildcard). */
    @WithDefault("*t-developer*")
    List<String> securityGroupPatterns();
}
