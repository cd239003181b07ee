package dev.autopilot.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationEvent;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** How the tests drive the service: incidents on Kafka in, pages at the webhook and notifications over REST out. */
public final class Pages {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Pages() {
    }

    /** A new incident, as the detector announces it. */
    public static IncidentOpened incident(Severity severity, String type) {
        String id = UUID.randomUUID().toString();
        return new IncidentOpened(id, "cloudwatch:alarm-" + id, "alarm " + id, severity, type,
                "t-developer-service-production", Map.of("alarmName", "alarm-" + id), UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Writes the event to incidents.v1 as the detector does, under a new event id. */
    public static void publish(TopicReader topics, IncidentEvent event) {
        publish(topics, event, UUID.randomUUID().toString());
    }

    /** Writes the event to incidents.v1 under the given event id ({@code ce_id}): the same id is a redelivery. */
    public static void publish(TopicReader topics, IncidentEvent event, String eventId) {
        OutgoingRecord record = OutgoingRecord.of(event, eventId, "detector");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
    }

    /**
     * Publishes a later incident and waits until it is paged: by then every event written before it has been
     * applied (the test topic has one partition, read in order), and every delivery due before it dispatched.
     */
    public static void awaitMarker(TopicReader topics) {
        IncidentOpened marker = incident(Severity.P2, "marker");
        publish(topics, marker);
        awaitOnly(marker.incidentId(), "SENT");
    }

    /** The incident's notifications, as a viewer reads them. */
    public static List<Map<String, Object>> notificationsOf(String incidentId) {
        return as("viewer").queryParam("incidentId", incidentId).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the incident's notifications satisfy the condition. */
    public static List<Map<String, Object>> awaitNotifications(String incidentId,
            Predicate<List<Map<String, Object>>> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> notificationsOf(incidentId), condition);
    }

    /** Waits until the incident has exactly one notification in the status, and returns it. */
    public static Map<String, Object> awaitOnly(String incidentId, String status) {
        return awaitNotifications(incidentId, list -> list.size() == 1 && status.equals(list.get(0).get("status")))
                .get(0);
    }

    /** The pages the webhook received about the incident. */
    public static List<LoggedRequest> pagesAbout(WireMockServer webhook, String incidentId) {
        return webhook.findAll(postRequestedFor(urlPathEqualTo(WebhookReceiverResource.PATH))
                .withRequestBody(containing(incidentId)));
    }

    /** The webhook answers pages about the incident with these statuses in turn, the last one from then on. */
    public static void answer(WireMockServer webhook, String incidentId, int... statuses) {
        String scenario = "answers for " + incidentId;
        for (int i = 0; i < statuses.length; i++) {
            ScenarioMappingBuilder stub = post(urlPathEqualTo(WebhookReceiverResource.PATH)).atPriority(1)
                    .withRequestBody(containing(incidentId))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(aResponse().withStatus(statuses[i]));
            if (i + 1 < statuses.length) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            webhook.stubFor(stub);
        }
    }

    /** Waits until exactly one event of the type about the incident is on notifications.v1, and returns it. */
    public static <E extends NotificationEvent> E awaitEvent(TopicReader topics, Class<E> type, String incidentId) {
        return await().atMost(PATIENCE).until(() -> topics.events(Topics.NOTIFICATIONS, type).stream()
                .filter(e -> e.incidentId().equals(incidentId)).toList(), events -> events.size() == 1).get(0);
    }

    /** Attempts of a notification, as the API shows them. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> attemptsOf(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("attempts");
    }
}
