package dev.autopilot.detector;

import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The detector's HTTP API as the tests drive it. */
public final class DetectorApi {

    private DetectorApi() {
    }

    /** Posts an SNS notification as SNS does (text/plain) and expects 202. */
    public static JsonPath postSns(String body) {
        return as("intake").contentType("text/plain; charset=UTF-8").body(body)
                .post("/intake/sns").then().statusCode(202).extract().jsonPath();
    }

    public static JsonPath postSignal(Object body) {
        return as("intake").contentType(ContentType.JSON).body(body)
                .post("/intake/signals").then().statusCode(202).extract().jsonPath();
    }

    /** The incidents whose title is the given one, newest first. */
    public static List<Map<String, Object>> incidentsTitled(String title) {
        List<Map<String, Object>> all = as("viewer").queryParam("limit", 500).get("/incidents")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(i -> title.equals(i.get("title"))).toList();
    }

    /** Waits until exactly one incident has the title and the condition holds for it. */
    public static Map<String, Object> awaitIncident(String title, java.util.function.Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> incidentsTitled(title), list -> list.size() == 1 && condition.test(list.get(0)))
                .get(0);
    }

    public static Map<String, Object> signalGeneric(String title, String status) {
        return Map.of("source", "test", "status", status, "title", title);
    }
}
