package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The runbook's names and numbers, as the configuration's defaults give them, and incidents to plan for. */
final class RunbookDefaults {

    static final ManagedService SERVICE = new ManagedService("t-developer-cluster-production",
            "t-developer-service-production",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09",
            "app/t-developer-alb-production/50dc6c495c0c9188",
            "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production", "t-developer-metadata-production",
            "/ecs/t-developer-production", "http://internal-load-balancer/admin/clear-cache",
            "http://internal-load-balancer/admin/invalidate-sessions", "t-developer/production/api-keys",
            "t-developer-projects-production", List.of("arn:aws:iam::123456789012:role/t-developer-break-glass"),
            List.of("nl-input", "ui-selection", "parser", "component-decision", "match-rate", "search", "generation",
                    "assembly", "download"),
            "t-developer-{agent}-agent-production");

    static final PlaybookSettings SETTINGS = new PlaybookSettings(Duration.ofHours(1), Duration.ofMinutes(5), 2, 10,
            Duration.ofMinutes(10), Duration.ofMinutes(10), true,
            new PlaybookSettings.Scaling(2, 1, Duration.ofMinutes(3), Duration.ofMinutes(5)), Map.of());

    static final Instant NOW = Instant.parse("2026-11-26T05:12:41.600Z");

    static final String INCIDENT_ID = "0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77";

    private RunbookDefaults() {
    }

    static Occasion incident(String type, String title, Map<String, String> labels) {
        return Occasion.of(new IncidentOpened(INCIDENT_ID, "fp-" + title, title, Severity.P1, type,
                "t-developer-service-production", labels, "signal-1", NOW));
    }
}
