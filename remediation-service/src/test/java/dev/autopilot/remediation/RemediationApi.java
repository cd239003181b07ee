package dev.autopilot.remediation;

import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.recommendation.RecommendationEvent;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The remediation service as the tests drive it: events in, the API and remediations.v1 out. */
public final class RemediationApi {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The statuses a remediation ends in. */
    public static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "ESCALATED", "REJECTED", "CANCELLED",
            "UNDONE");

    private RemediationApi() {
    }

    /** A new incident of the type, as the detector announces it. */
    public static IncidentOpened opened(String type, String title) {
        return opened(type, title, Map.of("alarmName", title));
    }

    public static IncidentOpened opened(String type, String title, Map<String, String> labels) {
        return new IncidentOpened(UUID.randomUUID().toString(), "fp-" + title, title, Severity.P0, type,
                "t-developer-service-production", labels, UUID.randomUUID().toString(), Instant.now());
    }

    /** The labels of a CloudWatch alarm on the ECS service (and, when given, on the load balancer). */
    public static Map<String, String> alarmOn(String alarmName, String service, String loadBalancer) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alarmName", alarmName);
        labels.put("dimension.ServiceName", service);
        if (loadBalancer != null) {
            labels.put("dimension.LoadBalancer", loadBalancer);
        }
        return labels;
    }

    /** A short unique name for a test's own service, family, bucket, alarm. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes the event to incidents.v1 as the detector's relay does: key, CloudEvents headers, JSON. */
    public static void write(TopicReader topics, IncidentEvent event, String eventId) {
        OutgoingRecord record = OutgoingRecord.of(event, eventId, "detector");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
    }

    public static void write(TopicReader topics, IncidentEvent event) {
        write(topics, event, UUID.randomUUID().toString());
    }

    /** Writes a recommendation to recommendations.v1 as the detector's relay does. */
    public static void write(TopicReader topics, RecommendationEvent event) {
        OutgoingRecord record = OutgoingRecord.of(event, UUID.randomUUID().toString(), "detector");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
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

    /** {@code GET /remediations/{id}}: the remediation with its steps, approvals and audit. */
    public static Map<String, Object> remediation(Object id) {
        return as("viewer").get("/remediations/{id}", id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** Waits until the incident has exactly one remediation and the condition holds for its full view. */
    public static Map<String, Object> awaitRemediation(String incidentId, Predicate<Map<String, Object>> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<Map<String, Object>> list = remediationsOf(incidentId);
                    return list.size() == 1 ? remediation(list.get(0).get("id")) : null;
                }, r -> r != null && condition.test(r));
    }

    /** Waits until the incident's only remediation is in the status, and returns its full view. */
    public static Map<String, Object> awaitStatus(String incidentId, String status) {
        return awaitRemediation(incidentId, r -> status.equals(r.get("status")));
    }

    /** Waits until the remediation (by id) satisfies the condition. */
    public static Map<String, Object> awaitById(Object id, Predicate<Map<String, Object>> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> remediation(id), condition::test);
    }

    /** The steps of a remediation's full view. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> steps(Map<String, Object> remediation) {
        return (List<Map<String, Object>>) remediation.get("steps");
    }

    /** The step of a remediation by its operation (the first one). */
    public static Map<String, Object> step(Map<String, Object> remediation, String operation) {
        return steps(remediation).stream().filter(s -> operation.equals(s.get("operation"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + operation + " in " + remediation));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The events of a type about an incident (or a remediation without one) on remediations.v1 now. */
    public static <E extends RemediationEvent> List<E> eventsOf(TopicReader topics, Class<E> type, String subject) {
        return topics.events(Topics.REMEDIATIONS, type).stream().filter(e -> subject.equals(e.subject())).toList();
    }

    /** Waits until at least one event of the type about the subject is on remediations.v1. */
    public static <E extends RemediationEvent> List<E> awaitEvents(TopicReader topics, Class<E> type, String subject) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> eventsOf(topics, type, subject), list -> !list.isEmpty());
    }

    /** The RemediationPlanned events of an incident on remediations.v1 now. */
    public static List<RemediationPlanned> plannedEventsOf(TopicReader topics, String incidentId) {
        return eventsOf(topics, RemediationPlanned.class, incidentId);
    }

    /** Waits until the incident's RemediationPlanned is on remediations.v1, and returns it. */
    public static RemediationPlanned awaitPlannedEvent(TopicReader topics, String incidentId) {
        return awaitEvents(topics, RemediationPlanned.class, incidentId).get(0);
    }
}
