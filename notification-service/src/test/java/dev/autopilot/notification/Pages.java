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
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationEvent;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * How the tests drive the service: events on Kafka in; messages at the channels' peers, notifications over REST
 * and events on notifications.v1 out.
 */
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

    /** Writes the event to its topic as its producer does, under a new event id. */
    public static void publish(TopicReader topics, Event event) {
        publish(topics, event, UUID.randomUUID().toString());
    }

    /** Writes the event under the given event id ({@code ce_id}): the same id is a redelivery. */
    public static void publish(TopicReader topics, Event event, String eventId) {
        OutgoingRecord record = OutgoingRecord.of(event, eventId, "test");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
    }

    /**
     * Publishes a later incident (routed to the test receiver, by webhook) and waits until it is paged: by then
     * every incident event written before it has been applied (the test topic has one partition, read in order),
     * so every delivery it led to exists (a rate-limited one may still wait for its turn).
     */
    public static void awaitMarker(TopicReader topics) {
        IncidentOpened marker = incident(Severity.P3, "marker");
        publish(topics, marker);
        awaitOnly(marker.incidentId(), "SENT");
    }

    /**
     * Opens a marker incident, then publishes remediation news about it and waits until the news is passed on: by
     * then every remediation event written before it has been applied.
     */
    public static void awaitRemediationMarker(TopicReader topics) {
        IncidentOpened marker = incident(Severity.P3, "marker");
        publish(topics, marker);
        awaitOnly(marker.incidentId(), "SENT");
        publish(topics, new RemediationFailed(UUID.randomUUID().toString(), marker.incidentId(), "marker",
                Instant.now()));
        awaitNotifications(marker.incidentId(), list -> list.size() == 2
                && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
    }

    /** The incident's notifications, newest first, as a viewer reads them. */
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

    /** The incident's notifications to a contact. */
    public static List<Map<String, Object>> to(List<Map<String, Object>> notifications, String contact) {
        return notifications.stream().filter(n -> contact.equals(contactOf(n))).toList();
    }

    /** The contact key a notification is for. */
    public static String contactOf(Map<String, Object> notification) {
        return (String) ((Map<?, ?>) notification.get("recipient")).get("contact");
    }

    /** The requests a peer received at a path that mention the text. */
    public static List<LoggedRequest> received(WireMockServer peer, String path, String text) {
        return peer.findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(text)));
    }

    /** The pages the webhook received about the incident. */
    public static List<LoggedRequest> pagesAbout(WireMockServer peers, String incidentId) {
        return received(peers, ChannelPeersResource.WEBHOOK_PATH, incidentId);
    }

    /** The peer answers requests at the path that mention the text with these statuses in turn, the last one on. */
    public static void answer(WireMockServer peer, String path, String text, int... statuses) {
        String scenario = "answers for " + text + " at " + path;
        for (int i = 0; i < statuses.length; i++) {
            ScenarioMappingBuilder stub = post(urlPathEqualTo(path)).atPriority(1)
                    .withRequestBody(containing(text))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(aResponse().withStatus(statuses[i]));
            if (i + 1 < statuses.length) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            peer.stubFor(stub);
        }
    }

    /** The webhook answers pages about the incident with these statuses in turn, the last one from then on. */
    public static void answer(WireMockServer peers, String incidentId, int... statuses) {
        answer(peers, ChannelPeersResource.WEBHOOK_PATH, incidentId, statuses);
    }

    /** SNS answers every Publish as AWS does (the response body captured from the real SDK's parse). */
    public static void snsAccepts(WireMockServer aws) {
        aws.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(Fixtures.text("aws/Publish.response.xml"))));
    }

    /** The SNS Publish requests that mention the text (form-encoded). */
    public static List<LoggedRequest> published(WireMockServer aws, String text) {
        return aws.findAll(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .withRequestBody(containing(java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }

    /** Waits until exactly one event of the type about the incident is on notifications.v1, and returns it. */
    public static <E extends NotificationEvent> E awaitEvent(TopicReader topics, Class<E> type, String incidentId) {
        return awaitEvents(topics, type, incidentId, 1).get(0);
    }

    /** Waits until exactly so many events of the type about the incident are on notifications.v1. */
    public static <E extends NotificationEvent> List<E> awaitEvents(TopicReader topics, Class<E> type,
            String incidentId, int count) {
        return await().atMost(PATIENCE).until(() -> topics.events(Topics.NOTIFICATIONS, type).stream()
                .filter(e -> e.incidentId().equals(incidentId)).toList(), events -> events.size() == count);
    }

    /** The form parameters of an awsQuery request body, in order. */
    public static Map<String, String> form(String body) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** The signed acknowledge link of a page sent at an instant to a contact (the links' default 24 h). */
    public static String acknowledgeLink(String incidentId, String contact, Instant sentAt) {
        return "http://127.0.0.1:8081/ack/" + new dev.autopilot.support.links.SignedLinks(
                ChannelPeersResource.LINKS_SECRET).sign(List.of("acknowledge", incidentId, contact),
                        sentAt.plus(Duration.ofHours(24)));
    }

    /** The text of a mail as its reader sees it (transfer encoding undone, CRLF as LF). */
    public static String mailText(jakarta.mail.internet.MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            content = multipart.getBodyPart(0).getContent();
        }
        return content.toString().replace("\r\n", "\n");
    }

    /** Attempts of a notification, as the API shows them. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> attemptsOf(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("attempts");
    }
}
