package dev.autopilot.notification.routing;

import dev.autopilot.contracts.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contacts, escalation policies and routing rules; the runbook's defaults are in application.properties under
 * {@code notification.routing}. Checked at start-up by {@link RouterProducer}.
 */
@ConfigMapping(prefix = "notification.routing")
public interface RoutingConfig {

    /** The contacts by key ({@code devops-lead}); steps name contacts by these keys. */
    Map<String, ContactConfig> contacts();

    /** The escalation policies by name ({@code p0}); rules name policies by these names. */
    Map<String, PolicyConfig> policies();

    /** The routing table, first match wins. */
    List<RuleConfig> rules();

    /** The policy of an incident no rule matches. */
    String defaultPolicy();

    /** The contact paged when a person is outside their hours and nobody else of the policy can be reached. */
    @WithDefault("devops-lead")
    String lastResort();

    interface ContactConfig {

        /** The person's name, or the channel's ({@code #t-developer-ops}). */
        String name();

        /** The person's role ({@code DevOps Lead}), or what the channel is for. */
        String role();

        /** {@code person} or {@code channel}. */
        @WithDefault("person")
        ContactKind kind();

        /** {@code 24/7}, or days and a window in a time zone: {@code MON-FRI 09:00-18:00 Asia/Seoul}. */
        @WithDefault("24/7")
        String hours();

        /**
         * How to reach them, in order of preference, each {@code channel} or {@code channel:address}:
         * {@code pagerduty}, {@code sns:+821000000001}, {@code email:kim@example.com}, {@code slack:<@U024BE7LH>},
         * {@code webhook}. The first configured channel carries a page; the ones before it are skipped, and said so.
         */
        @WithDefault("webhook")
        List<String> channels();
    }

    interface PolicyConfig {

        /** The steps, in order. */
        List<StepConfig> steps();
    }

    interface StepConfig {

        /** How long after the policy started (the incident opened, or was escalated into it) the step is due. */
        @WithDefault("0s")
        Duration after();

        /** What must still hold when it is due: {@code none}, {@code unacknowledged} or {@code unresolved}. */
        @WithDefault("none")
        StepCondition condition();

        /** Its messages wait for a person's approval ({@code POST /notifications/{id}/approve}) before going out. */
        @WithDefault("false")
        boolean requiresApproval();

        /** The keys of the contacts it notifies. */
        List<String> contacts();
    }

    interface RuleConfig {

        /** The severity to match; any when absent. */
        Optional<Severity> severity();

        /** The incident type to match; any when absent. */
        Optional<String> type();

        /** The managed service to match; any when absent. */
        Optional<String> service();

        /** Labels the incident must carry, with these values. */
        Map<String, String> labels();

        /** The name of the policy it picks. */
        String policy();
    }
}
