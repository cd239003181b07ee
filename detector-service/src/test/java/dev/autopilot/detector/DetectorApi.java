package dev.autopilot.detector;

import static dev.autopilot.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.sns.SnsSigner;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/** The detector's HTTP API as the tests drive it. */
public final class DetectorApi {

    private DetectorApi() {
    }

    /** Posts an SNS notification as SNS does (text/plain, signed) and expects 202. */
    public static JsonPath postSns(String body) {
        return as("intake").contentType("text/plain; charset=UTF-8").body(SnsSigner.sign(body))
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
    public static Map<String, Object> awaitIncident(String title, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> incidentsTitled(title), list -> list.size() == 1 && condition.test(list.get(0)))
                .get(0);
    }

    /** Writes a signal straight to signals.v1, as the intake or a check would. */
    public static void write(String kafka, SignalReceived signal) {
        var record = OutgoingRecord.of(signal, signal.signalId(), "detector");
        new TopicReader(kafka).write(record.topic(), record.key(), record.headers(), record.value());
    }

    /** A check sample of a service: {@code source=check}, the check, the metric and its value. */
    public static SignalReceived sample(String service, String check, String metric,
            double value, Instant observedAt) {
        return new SignalReceived(UUID.randomUUID().toString(),
                "check:" + check + ":" + service + ":" + metric, "check", null,
                SignalStatus.FIRING, check + " " + metric + " of " + service, null,
                Map.of("check", check, "metric", metric, "service", service), value, null, observedAt, observedAt);
    }

    /**
     * Waits until one active incident has a condition with the title (a signal that may have joined an incident
     * opened by another), and returns that incident with its conditions.
     */
    public static Map<String, Object> awaitIncidentWithCondition(String conditionTitle) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> active = as("viewer").queryParam("limit", 500).get("/incidents")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> incident : active) {
                Map<String, Object> detail = as("viewer").get("/incidents/{id}", incident.get("id")).jsonPath().getMap("$");
                List<Map<String, Object>> conditions = (List<Map<String, Object>>) detail.get("conditions");
                if (conditions.stream().anyMatch(c -> conditionTitle.equals(c.get("title")))) {
                    return detail;
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /**
     * Waits until a condition with the title, in any incident, satisfies the predicate (a signal may join an
     * incident opened by another), and returns the condition.
     */
    public static Map<String, Object> awaitCondition(String conditionTitle, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> all = as("viewer").queryParam("limit", 500).get("/incidents")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> incident : all) {
                Map<String, Object> detail = as("viewer").get("/incidents/{id}", incident.get("id")).jsonPath().getMap("$");
                for (Map<String, Object> c : (List<Map<String, Object>>) detail.get("conditions")) {
                    if (conditionTitle.equals(c.get("title")) && condition.test(c)) {
                        return c;
                    }
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** A generic signal of a service of its own (named after the title), so it correlates with nothing else. */
    public static Map<String, Object> signalGeneric(String title, String status) {
        return Map.of("source", "test", "status", status, "title", title, "service", title);
    }

    /** The runbook's P0 alarm on a load balancer of its own (named after the alarm), so it correlates with nothing else. */
    public static String alarmOfItsOwn(String alarmName, String state, String messageId) {
        return Payloads.healthyHostAlarm(alarmName, state, messageId, "app/" + alarmName + "/1",
                "targetgroup/" + alarmName + "/1");
    }
}
