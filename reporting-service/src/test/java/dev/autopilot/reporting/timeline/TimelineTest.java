package dev.autopilot.reporting.timeline;

import static dev.autopilot.reporting.ReportingApi.awaitEvent;
import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.reporting.ReportingApi.awaitTimeline;
import static dev.autopilot.reporting.ReportingApi.incident;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.IncidentStory;
import dev.autopilot.reporting.ReportingApi.Entry;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Timelines and incident records fed by all four services' events, in order, out of order and twice. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class TimelineTest {

    private static final Instant OPENED_AT = Instant.parse("2026-11-26T05:12:41.500Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anIncidentsTimelineHoldsEveryServicesEventsInTimeOrder() {
        IncidentStory story = story();
        EventFeed feed = new EventFeed(kafka);

        story.events().forEach(feed::publish);

        assertThat(awaitTimeline(story.incidentId(), 5)).containsExactlyElementsOf(expectedTimeline(story));
        as("viewer").get("/incidents/{id}/timeline", story.incidentId()).then().statusCode(200)
                .body("[1].details.playbook", equalTo("outage"))
                .body("[1].details.plannedAt", equalTo("2026-11-26T05:12:41.600Z"))
                .body("[1].details.steps.operation", contains("DescribeServices", "UpdateService"))
                .body("[2].details.recipient", equalTo("DevOps Lead"));
        assertResolvedRecord(awaitIncident(story.incidentId(), i -> "RESOLVED".equals(i.get("status"))), story);
    }

    @Test
    void eventsArrivingOutOfOrderGiveTheSameTimelineAndRecord() {
        IncidentStory story = story();
        EventFeed feed = new EventFeed(kafka);

        List.of(story.resolved(), story.acknowledged(), story.paged(), story.planned()).forEach(feed::publish);
        awaitTimeline(story.incidentId(), 4);
        assertThat(incident(story.incidentId())).as("not known before it is opened").isNull();
        feed.publish(story.opened());

        assertThat(awaitTimeline(story.incidentId(), 5)).containsExactlyElementsOf(expectedTimeline(story));
        assertResolvedRecord(awaitIncident(story.incidentId(), i -> true), story);
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        IncidentStory story = story();
        EventFeed feed = new EventFeed(kafka);
        String opened = UUID.randomUUID().toString();
        String paged = UUID.randomUUID().toString();

        feed.publish(story.opened(), opened);
        feed.publish(story.paged(), paged);
        feed.publish(story.opened(), opened);
        feed.publish(story.paged(), paged);
        String incidentMarker = feed.publish(story.acknowledged());
        String notificationMarker = feed.publish(new NotificationFailed(UUID.randomUUID().toString(),
                story.incidentId(), "webhook", "CTO", 2, 5, "HTTP 503", OPENED_AT.plusSeconds(30)));

        awaitEvent(story.incidentId(), incidentMarker);
        List<Map<String, Object>> timeline = awaitEvent(story.incidentId(), notificationMarker);
        assertThat(timeline).extracting(e -> e.get("eventId"))
                .containsExactly(opened, paged, notificationMarker, incidentMarker);
        assertThat(incident(story.incidentId())).extractingByKey("notifications")
                .isEqualTo(Map.of("sent", 1, "failed", 1, "suppressed", 0, "firstSentAt", "2026-11-26T05:12:41.700Z",
                        "escalationStep", 0, "paged", List.of("DevOps Lead")));
    }

    private static IncidentStory story() {
        return IncidentStory.of("awselb-t-developer-unhealthy " + UUID.randomUUID(), OPENED_AT);
    }

    private static List<Entry> expectedTimeline(IncidentStory story) {
        return List.of(
                entry(story.opened(), "detector", "P0 outage opened: " + story.title()),
                entry(story.planned(), "remediation", "Dry-run plan 'outage' with 2 steps, 1 awaiting approval"),
                entry(story.paged(), "notification", "Paged DevOps Lead via webhook (step 1)"),
                entry(story.acknowledged(), "detector", "Acknowledged by responder: looking at the ALB targets"),
                entry(story.resolved(), "detector", "Resolved by detector: all signals cleared"));
    }

    private static Entry entry(Event event, String service, String summary) {
        return new Entry(event.occurredAt(), service, event.getClass().getSimpleName(), summary);
    }

    private static void assertResolvedRecord(Map<String, Object> incident, IncidentStory story) {
        assertThat(incident)
                .containsEntry("id", story.incidentId())
                .containsEntry("title", story.title())
                .containsEntry("severity", "P0")
                .containsEntry("type", "outage")
                .containsEntry("service", "t-developer-service-production")
                .containsEntry("status", "RESOLVED")
                .containsEntry("openedAt", "2026-11-26T05:12:41.500Z")
                .containsEntry("acknowledgedBy", "responder")
                .containsEntry("acknowledgedAt", "2026-11-26T05:13:43.500Z")
                .containsEntry("resolvedBy", "detector")
                .containsEntry("resolvedAt", "2026-11-26T05:28:41.500Z")
                .containsEntry("labels", Map.of("alarmName", story.title()))
                .containsEntry("timeToAcknowledgeSeconds", 62)
                .containsEntry("timeToResolveSeconds", 960)
                .containsEntry("resolvedByAutomation", false)
                .containsEntry("notifications", Map.of("sent", 1, "failed", 0, "suppressed", 0,
                        "firstSentAt", "2026-11-26T05:12:41.700Z", "escalationStep", 0, "paged", List.of("DevOps Lead")));
        assertThat(incident).extractingByKey("remediation").isEqualTo(Map.of(
                "remediationId", story.planned().remediationId(), "status", "PLANNED", "playbook", "outage",
                "mode", "DRY_RUN", "steps", 2, "at", "2026-11-26T05:12:41.600Z"));
    }
}
