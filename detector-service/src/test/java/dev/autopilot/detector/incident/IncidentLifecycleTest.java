package dev.autopilot.detector.incident;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.postSignal;
import static dev.autopilot.detector.DetectorApi.signalGeneric;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class IncidentLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aResponderAcknowledgesThenResolves() {
        String title = "lifecycle " + UUID.randomUUID();
        postSignal(signalGeneric(title, "firing"));
        String id = (String) awaitIncident(title, i -> true).get("id");

        as("responder").contentType(ContentType.JSON).body(Map.of("note", "looking at the targets"))
                .post("/incidents/{id}/acknowledge", id)
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("responder")).body("acknowledgedAt", notNullValue());
        as("responder").contentType(ContentType.JSON).body(Map.of())
                .post("/incidents/{id}/acknowledge", id)
                .then().statusCode(409).contentType("application/problem+json");
        as("admin").post("/incidents/{id}/resolve", id)
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("admin"));
        as("responder").post("/incidents/{id}/resolve", id).then().statusCode(409);

        TopicReader topics = new TopicReader(kafka);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(topics.events(Topics.INCIDENTS, IncidentAcknowledged.class))
                    .filteredOn(e -> e.incidentId().equals(id)).singleElement()
                    .satisfies(e -> assertThat(e.note()).isEqualTo("looking at the targets"));
            assertThat(topics.events(Topics.INCIDENTS, IncidentResolved.class))
                    .filteredOn(e -> e.incidentId().equals(id)).singleElement()
                    .satisfies(e -> assertThat(e.resolvedBy()).isEqualTo("admin"));
        });
    }

    @Test
    void aSignalSoonAfterAManualResolveReopensTheIncident() {
        String title = "recurring " + UUID.randomUUID();
        postSignal(signalGeneric(title, "firing"));
        String first = (String) awaitIncident(title, i -> true).get("id");
        as("responder").post("/incidents/{id}/acknowledge", first).then().statusCode(200);
        as("responder").post("/incidents/{id}/resolve", first).then().statusCode(200);

        postSignal(signalGeneric(title, "firing"));

        Map<String, Object> reopened = awaitIncident(title, i -> "OPEN".equals(i.get("status")));
        assertThat(reopened).containsEntry("id", first).containsEntry("reopenedCount", 1);
        assertThat(reopened).doesNotContainKeys("acknowledgedBy", "resolvedBy");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new TopicReader(kafka).events(Topics.INCIDENTS, IncidentReopened.class))
                        .filteredOn(e -> e.incidentId().equals(first)).hasSize(1));
    }

    @Test
    void filtersAndPages() {
        String run = UUID.randomUUID().toString();
        postSignal(java.util.List.of(
                Map.of("source", "t", "status", "firing", "title", "p0 " + run, "severity", "P0", "type", "outage",
                        "service", "p0 " + run),
                Map.of("source", "t", "status", "firing", "title", "p1 " + run, "severity", "P1", "type", "degradation",
                        "service", "p1 " + run)));
        awaitIncident("p0 " + run, i -> true);
        awaitIncident("p1 " + run, i -> true);

        as("viewer").queryParam("severity", "P0").get("/incidents")
                .then().statusCode(200).body("severity", everyItem(equalTo("P0")));
        as("viewer").queryParam("status", "OPEN").queryParam("limit", 1).get("/incidents")
                .then().statusCode(200).body("size()", equalTo(1));
        as("viewer").queryParam("severity", "P7").get("/incidents").then().statusCode(400)
                .body("errors.field", hasItem("severity"));
        as("viewer").queryParam("limit", 0).get("/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
    }

    @Test
    void filtersByTypeServiceAndOpeningTimeAndPagesNewestFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String type = "paged-" + run;
        for (String name : List.of("a", "b", "c")) {
            postSignal(Map.of("source", "t", "status", "firing", "title", name + " " + run, "severity", "P3", "type", type,
                    "service", name + " " + run));
            awaitIncident(name + " " + run, i -> true);
        }
        String openedB = (String) awaitIncident("b " + run, i -> true).get("openedAt");

        assertThat(titles(Map.of("type", type, "limit", 2))).containsExactly("c " + run, "b " + run);
        assertThat(titles(Map.of("type", type, "limit", 2, "offset", 2))).containsExactly("a " + run);
        assertThat(titles(Map.of("type", type, "service", "b " + run))).containsExactly("b " + run);
        assertThat(titles(Map.of("type", "outage", "service", "b " + run))).isEmpty();
        // from is inclusive, to exclusive
        assertThat(titles(Map.of("type", type, "from", openedB))).containsExactly("c " + run, "b " + run);
        assertThat(titles(Map.of("type", type, "to", openedB))).containsExactly("a " + run);
        as("viewer").queryParam("from", "yesterday").get("/incidents").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void theRuleTableInForceIsShownWithItsLines() {
        as("viewer").get("/rules").then().statusCode(200)
                .body("source", equalTo("classpath:detector-rules.yaml"))
                .body("rules.find { it.name == 'no-healthy-targets-alarm' }.severity", equalTo("P0"))
                .body("rules.find { it.name == 'no-healthy-targets-alarm' }.match.namespace[0]", equalTo("AWS/ApplicationELB"))
                .body("rules.find { it.name == 'no-healthy-targets-alarm' }.line", equalTo(16))
                .body("rules.find { it.name == 'scale-out-on-cpu' }.recommend", equalTo("scale-out"))
                .body("rules.find { it.name == 'scale-out-on-cpu' }.above", equalTo(70.0f))
                .body("rules.find { it.name == 'scale-out-on-cpu' }.holdFor", equalTo("PT2M"));
        as("intake").get("/rules").then().statusCode(403);
    }

    private static List<String> titles(Map<String, Object> query) {
        return as("viewer").queryParams(query).get("/incidents").then().statusCode(200).extract().jsonPath()
                .getList("title", String.class);
    }

    @Test
    void aNoteMustBeText() {
        String title = "noted " + UUID.randomUUID();
        postSignal(signalGeneric(title, "firing"));
        String id = (String) awaitIncident(title, i -> true).get("id");

        as("responder").contentType(ContentType.JSON).body(Map.of("note", 42))
                .post("/incidents/{id}/acknowledge", id).then().statusCode(400)
                .body("errors.field", hasItem("note"));
        as("responder").contentType(ContentType.JSON).body("{\"note\": ")
                .post("/incidents/{id}/acknowledge", id).then().statusCode(400);
        as("responder").contentType(ContentType.JSON).body(Map.of("note", "x".repeat(2001)))
                .post("/incidents/{id}/acknowledge", id).then().statusCode(400);
        as("responder").contentType("text/plain").post("/incidents/{id}/acknowledge", id).then().statusCode(200);
    }

    @Test
    void unknownIncidentsAreNotFound() {
        as("viewer").get("/incidents/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("viewer").get("/incidents/not-a-uuid").then().statusCode(404);
        as("responder").post("/incidents/{id}/acknowledge", UUID.randomUUID()).then().statusCode(404);
    }
}
