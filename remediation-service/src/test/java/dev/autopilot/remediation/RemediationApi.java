package dev.autopilot.remediation;

import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The remediation service as the tests drive it: incident events in, the API and remediations.v1 out. */
public final class RemediationApi {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private RemediationApi() {
    }

    /** A new incident of the type, as the detector announces it. */
    public static IncidentOpened opened(String type, String title) {
        return new IncidentOpened(UUID.randomUUID().toString(), "fp-" + title, title, Severity.P0, type,
                "t-developer-service-production", Map.of("alarmName", title), UUID.randomUUID().toString(),
                Instant.now());
    }

    /** Writes the event to incidents.v1 as the detector's relay does: key, CloudEvents headers, JSON. */
    public static void write(TopicReader topics, IncidentEvent event, String eventId) {
        OutgoingRecord record = OutgoingRecord.of(event, eventId, "detector");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
    }

    public static void write(TopicReader topics, IncidentEvent event) {
        write(topics, event, UUID.randomUUID().toString());
    }

    /** Writes the incident's {@code IncidentOpened} and waits for its remediation. */
    public static Map<String, Object> planOf(TopicReader topics, IncidentOpened incident) {
        write(topics, incident);
        return awaitRemediation(incident.incidentId(), r -> true);
    }

    /** {@code GET /remediations?incidentId=} as a viewer. */
    public static List<Map<String, Object>> remediationsOf(String incidentId) {
        return as("viewer").queryParam("incidentId", incidentId).get("/remediations")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the incident has exactly one remediation and the condition holds for it. */
    public static Map<String, Object> awaitRemediation(String incidentId, Predicate<Map<String, Object>> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> remediationsOf(incidentId), list -> list.size() == 1 && condition.test(list.get(0)))
                .get(0);
    }

    /** The RemediationPlanned events of an incident on remediations.v1 now. */
    public static List<RemediationPlanned> plannedEventsOf(TopicReader topics, String incidentId) {
        return topics.events(Topics.REMEDIATIONS, RemediationPlanned.class).stream()
                .filter(e -> incidentId.equals(e.incidentId()))
                .toList();
    }

    /** Waits until the incident's RemediationPlanned is on remediations.v1, and returns it. */
    public static RemediationPlanned awaitPlannedEvent(TopicReader topics, String incidentId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> plannedEventsOf(topics, incidentId), list -> !list.isEmpty())
                .get(0);
    }
}
