package dev.autopilot.detector.check;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The detector's own checks of the managed service, each enabled by configuration. The AWS checks need AWS
 * credentials (the SDK's default chain) and reach AWS, or {@code autopilot.aws.endpoint-override}.
 */
@ConfigMapping(prefix = "detector.checks")
public interface ChecksConfig {

    /** ECS {@code DescribeServices}: running against desired count, pending tasks, deployments. */
    EcsService ecsService();

    /** ELBv2 {@code DescribeTargetHealth}: healthy and unhealthy targets of the target group. */
    Check targetHealth();

    /** CloudWatch {@code GetMetricData}: CPU, memory, pipeline P95, error rate, each agent's execution time. */
    Check metrics();

    /** CloudWatch Logs {@code FilterLogEvents}: ERROR bursts, authentication failures, rate limits, slow agents. */
    Logs logs();

    /** HTTP probes of configured URLs: the availability indicator. */
    Probes probes();

    interface Check {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("60s")
        Duration interval();
    }

    interface EcsService extends Check {
        /** A deployment younger than this is recorded as rollback evidence. */
        @WithDefault("60m")
        Duration rollbackEvidenceWindow();
    }

    interface Logs extends Check {
        /** The most pages of log events one run reads (a page holds up to 10,000 events). */
        @WithDefault("5")
        int maxPages();

        /**
         * How an {@code execution_time} line names its agent and its seconds: a regular expression with the groups
         * {@code agent} and {@code seconds}.
         */
        @WithDefault("(?i)agent[\"'=: ]+(?<agent>[a-z][a-z_ -]*?)[\"',]?\\s.*?execution_time[\"'=: ]+(?<seconds>[0-9]+(\\.[0-9]+)?)")
        String executionTimePattern();

        /** An agent's execution above this many seconds is slow. */
        @WithDefault("10")
        double slowSeconds();
    }

    interface Probes {
        @WithDefault("30s")
        Duration interval();

        /** The probes, by name; a probe is enabled by having a URL. */
        Map<String, Probe> targets();
    }

    interface Probe {
        URI url();

        @WithDefault("5s")
        Duration timeout();
    }
}
