package dev.autopilot.reporting;

import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The reporting API as the tests read it, waiting for the consumers where they must. */
public final class ReportingApi {

    private ReportingApi() {
    }

    /**
     * One timeline entry, as compared in tests.
     */
    public record Entry(Instant at, String service, String type, String summary) {

        static Entry from(Map<String, Object> json) {
            return new Entry(Instant.parse((String) json.get("at")), (String) json.get("service"),
                    (String) json.get("type"), (String) json.get("summary"));
        }
    }

    /** The incident's timeline as JSON objects; empty while the service knows nothing of the incident. */
    public static List<Map<String, Object>> timeline(String incidentId) {
        Response response = as("viewer").get("/incidents/{id}/timeline", incidentId);
        if (response.statusCode() == 404) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the incident's timeline has the given number of entries, and returns them. */
    public static List<Entry> awaitTimeline(String incidentId, int entries) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> timeline(incidentId), list -> list.size() >= entries)
                .stream().map(Entry::from).toList();
    }

    /** Waits until the timeline holds an entry of the event, and returns the whole timeline. */
    public static List<Map<String, Object>> awaitEvent(String incidentId, String eventId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> timeline(incidentId), list -> list.stream().anyMatch(e -> eventId.equals(e.get("eventId"))));
    }

    /** Waits until the incident is known and the condition holds for it. */
    public static Map<String, Object> awaitIncident(String incidentId, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> incident(incidentId), incident -> incident != null && condition.test(incident));
    }

    /** The incident, or null while it is not known. */
    public static Map<String, Object> incident(String incidentId) {
        Response response = as("viewer").get("/incidents/{id}", incidentId);
        return response.statusCode() == 404 ? null : response.then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The ids {@code GET /incidents} lists for the query, in its order. */
    public static List<String> incidentIds(Map<String, ?> query) {
        return as("viewer").queryParams(query).get("/incidents")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }
}
