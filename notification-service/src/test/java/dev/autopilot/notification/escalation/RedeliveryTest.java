package dev.autopilot.notification.escalation;

import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.awaitRemediationMarker;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.received;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.Pages;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every consumed event delivered twice (the same {@code ce_id}), and some repeated under a new id: nobody is told
 * anything twice.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class RedeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @Test
    void everyConsumedEventRedeliveredPagesNobodyTwice() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = incident(Severity.P1, "degradation");
        String id = incident.incidentId();
        String remediation = UUID.randomUUID().toString();
        Instant now = Instant.now();

        twice(topics, incident);
        awaitOnly(id, "SENT");
        IncidentEscalated escalated = new IncidentEscalated(id, Severity.P1, Severity.P0, "outage",
                "all targets unhealthy", UUID.randomUUID().toString(), now);
        twice(topics, escalated);
        publish(topics, escalated);
        awaitKinds(id, kinds -> kinds.getOrDefault("PAGE", 0L) == 3);

        twice(topics, new RemediationAwaitingApproval(remediation, id, "approval-1", 2, "rollback", now.plusSeconds(900),
                now));
        RemediationFailed failed = new RemediationFailed(remediation, id, "rollback did not stabilise", now);
        twice(topics, failed);
        publish(topics, failed);
        twice(topics, new RemediationEscalated(remediation, id, "ecs:cluster/service", "circuit breaker open", now));
        awaitRemediationMarker(topics);
        awaitKinds(id, kinds -> kinds.getOrDefault("REMEDIATION", 0L) == 6);

        twice(topics, new IncidentAcknowledged(id, "responder", "on it", now));
        awaitKinds(id, kinds -> kinds.getOrDefault("ACKNOWLEDGED", 0L) == 1);
        IncidentResolved resolved = new IncidentResolved(id, "detector", "signal cleared", now);
        twice(topics, resolved);
        publish(topics, resolved);
        twice(topics, new IncidentReopened(id, "alarm again", UUID.randomUUID().toString(), now));
        String reportId = UUID.randomUUID().toString();
        twice(topics, new ReportPublished(reportId, "daily", "Daily " + reportId, now.minus(Duration.ofDays(1)), now,
                "all well", "http://127.0.0.1:8083/reports/" + reportId, List.of(), now));
        awaitOnly("report:" + reportId, "SENT");
        Map<String, Long> kinds = awaitKinds(id, k -> k.getOrDefault("RESOLVED", 0L) == 2
                && k.getOrDefault("SUPPRESSED", 0L) == 2);
        Pages.awaitMarker(topics);

        assertThat(kindsOf(id)).isEqualTo(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PAGE", 3L, "REMEDIATION", 6L, "ACKNOWLEDGED", 1L, "RESOLVED", 2L, "SUPPRESSED", 2L));
        assertThat(received(peers, ChannelPeersResource.PAGERDUTY_PATH, id)).hasSize(6);
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, id)).hasSize(6);
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, reportId)).hasSize(1);
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, "/approvals/approval-1")).hasSize(1);
    }

    /** Publishes the event twice under one event id: a redelivery. */
    private static void twice(TopicReader topics, Event event) {
        String eventId = UUID.randomUUID().toString();
        publish(topics, event, eventId);
        publish(topics, event, eventId);
    }

    private static Map<String, Long> awaitKinds(String incidentId, Predicate<Map<String, Long>> condition) {
        awaitNotifications(incidentId, list -> condition.test(kinds(list)));
        return kindsOf(incidentId);
    }

    private static Map<String, Long> kindsOf(String incidentId) {
        return kinds(notificationsOf(incidentId));
    }

    /** How many notifications of each kind were sent; suppressed ones counted apart, others by status. */
    private static Map<String, Long> kinds(List<Map<String, Object>> notifications) {
        return notifications.stream().collect(Collectors.groupingBy(n -> "SENT".equals(n.get("status"))
                ? (String) n.get("kind") : (String) n.get("status"), Collectors.counting()));
    }
}
