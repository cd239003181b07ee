package dev.autopilot.reporting;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One incident as every service tells it, in the order it happened: the detector opens it, remediation plans a
 * dry run (0.1 s later), notification pages the DevOps lead (0.2 s), a responder acknowledges it (62 s), the
 * detector resolves it when its alarm clears (16 min).
 */
public record IncidentStory(String incidentId, String title, IncidentOpened opened, RemediationPlanned planned,
        NotificationSent paged, IncidentAcknowledged acknowledged, IncidentResolved resolved) {

    public static IncidentStory of(String title, Instant openedAt) {
        return of(title, Severity.P0, "outage", "t-developer-service-production", openedAt);
    }

    public static IncidentStory of(String title, Severity severity, String type, String service, Instant openedAt) {
        String id = UUID.randomUUID().toString();
        List<PlannedStep> steps = List.of(
                new PlannedStep(1, "Check the ECS service", "ecs", "DescribeServices",
                        Map.of("cluster", "t-developer-cluster-production"), false),
                new PlannedStep(2, "Roll back to the previous task definition", "ecs", "UpdateService",
                        Map.of("service", "t-developer-service-production"), true));
        return new IncidentStory(id, title,
                new IncidentOpened(id, "cloudwatch:" + title, title, severity, type, service,
                        Map.of("alarmName", title), UUID.randomUUID().toString(), openedAt),
                new RemediationPlanned(UUID.randomUUID().toString(), id, type, ExecutionMode.DRY_RUN, steps,
                        openedAt.plusMillis(100)),
                new NotificationSent(UUID.randomUUID().toString(), id, "webhook", "DevOps Lead", 1, 1,
                        openedAt.plusMillis(200)),
                new IncidentAcknowledged(id, "responder", "looking at the ALB targets", openedAt.plusSeconds(62)),
                new IncidentResolved(id, "detector", "all signals cleared", openedAt.plus(Duration.ofMinutes(16))));
    }

    /** Every event, in the order it happened. */
    public List<Event> events() {
        return List.of(opened, planned, paged, acknowledged, resolved);
    }
}
