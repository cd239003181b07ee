package dev.autopilot.detector.intake.generic;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.incidentsTitled;
import static dev.autopilot.detector.DetectorApi.postSignal;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.TestClockProducer;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TestTokens;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class GenericIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aDocumentedSignalOpensAnIncidentAsItsLabelsSay() {
        String title = "api.example.com is down " + UUID.randomUUID();

        var receipt = postSignal(Map.of("source", "uptime-checker", "id", "run-" + title, "status", "firing",
                "title", title, "severity", "P0", "type", "outage", "service", "api",
                "labels", Map.of("region", "ap-northeast-2"), "value", 0, "threshold", 1));

        assertThat(receipt.getList("signals")).hasSize(1);
        Map<String, Object> incident = awaitIncident(title, i -> true);
        assertThat(incident).containsEntry("severity", "P0").containsEntry("type", "outage")
                .containsEntry("service", "api");
        assertThat((Map<String, Object>) incident.get("labels")).containsEntry("region", "ap-northeast-2")
                .containsEntry("sender", "uptime-checker");

        postSignal(Map.of("source", "uptime-checker", "status", "resolved", "title", title, "severity", "P0",
                "type", "outage", "service", "api", "labels", Map.of("region", "ap-northeast-2")));
        awaitIncident(title, i -> "RESOLVED".equals(i.get("status")));
    }

    @Test
    void aRetriedPostOfTheSameIdCountsOnce() {
        String title = "retried " + UUID.randomUUID();
        Map<String, Object> signal = Map.of("source", "uptime-checker", "id", "run-" + title, "status", "firing",
                "title", title, "service", title);

        String first = postSignal(signal).getString("signals[0].signalId");
        String again = postSignal(signal).getString("signals[0].signalId");
        // the sender's next run (another id) is applied after the retried one: same key, same partition, in order
        postSignal(Map.of("source", "uptime-checker", "id", "next-" + title, "status", "firing", "title", title,
                "service", title));

        assertThat(again).isEqualTo(first);
        Map<String, Object> incident = awaitIncident(title, i -> ((Integer) i.get("signalCount")) >= 2);
        assertThat(incident).containsEntry("signalCount", 2);
    }

    @Test
    void aBatchIsTakenWhole() {
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(
                Map.of("source", "batch", "status", "firing", "title", "first " + run, "service", "first " + run),
                Map.of("source", "batch", "status", "firing", "title", "second " + run, "service", "second " + run),
                Map.of("source", "batch", "status", "firing", "title", "third " + run, "service", "third " + run));

        var receipt = postSignal(batch);

        assertThat(receipt.getList("signals")).hasSize(3);
        awaitIncident("first " + run, i -> true);
        awaitIncident("second " + run, i -> true);
        awaitIncident("third " + run, i -> true);
    }

    @Test
    void oneBadItemRefusesTheWholeBatchAndNamesIt() {
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(
                Map.of("source", "batch", "status", "firing", "title", "good " + run),
                Map.of("source", "batch", "status", "burning", "title", "bad " + run),
                Map.of("source", "bad source!", "status", "firing", "title", 42));

        as("intake").contentType(ContentType.JSON).body(batch).post("/intake/signals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("[1].status", "[2].source", "[2].title"));

        assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                .noneSatisfy(s -> assertThat(s.title()).contains(run));
    }

    @Test
    void refusesEmptyAndWrongBodies() {
        as("intake").contentType(ContentType.JSON).body("[]").post("/intake/signals").then().statusCode(400);
        as("intake").contentType(ContentType.JSON).body("\"firing\"").post("/intake/signals").then().statusCode(400);
        as("intake").contentType(ContentType.JSON).body("{\"source\": \"x\", \"status\": \"firing\"")
                .post("/intake/signals").then().statusCode(400).contentType("application/problem+json");
        as("intake").contentType(ContentType.JSON)
                .body(Map.of("source", "x", "status", "firing", "title", "t", "observedAt", "last tuesday"))
                .post("/intake/signals").then().statusCode(400);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"source\": \"x\", \"status\": \"firing\", \"title\": \"" + "x".repeat(1_100_000) + "\"}";

        as("intake").contentType(ContentType.JSON).body(huge).post("/intake/signals")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:autopilot:problem:too-large"));
    }

    @Test
    void aBodySentInChunksIsHeldToTheSameLimit() throws Exception {
        byte[] huge = ("{\"source\": \"x\", \"status\": \"firing\", \"title\": \"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // from an InputStream the client sends no Content-Length: Transfer-Encoding: chunked
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/intake/signals"))
                .header("Authorization", "Bearer " + TestTokens.INTAKE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("urn:autopilot:problem:too-large");
    }

    @Test
    void aBatchOverItsLengthIsRefusedNamingTheLimit() {
        List<Map<String, Object>> batch = java.util.Collections.nCopies(1001,
                Map.of("source", "x", "status", "firing", "title", "one too many"));

        as("intake").contentType(ContentType.JSON).body(batch).post("/intake/signals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo(
                        "must hold 1 to 1000 signals (detector.intake.max-batch), not 1001"));
        assertThat(incidentsTitled("one too many")).isEmpty();
    }

    @Test
    void aSenderOverItsRateIsToldToComeBackAndNothingOfThatPostIsTaken() {
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> three = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> Map.<String, Object>of("source", "limited-sender", "status", "firing",
                        "title", "limited " + i + " " + run, "service", "limited " + run))
                .toList();
        as("intake").contentType(ContentType.JSON).body(three).post("/intake/signals").then().statusCode(202);

        String refused = "refused " + run;
        as("intake").contentType(ContentType.JSON)
                .body(List.of(Map.of("source", "limited-sender", "status", "firing", "title", refused)))
                .post("/intake/signals")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());

        assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                .noneSatisfy(signal -> assertThat(signal.title()).isEqualTo(refused));
    }

    @Test
    void aSenderWithASecretMustSignItsPosts() {
        String title = "signed " + UUID.randomUUID();
        String body = "{\"source\": \"signed-sender\", \"status\": \"firing\", \"title\": \"" + title
                + "\", \"service\": \"" + title + "\"}";
        long now = TestClockProducer.CLOCK.instant().getEpochSecond();

        as("intake").contentType(ContentType.JSON).body(body).post("/intake/signals")
                .then().statusCode(401).contentType("application/problem+json");
        signed(body, now, "sha256=" + "0".repeat(64)).then().statusCode(401);
        signed(body, now - 3600, "sha256=" + SenderSignatures.sign("test-sender-secret", (now - 3600) + "." + body))
                .then().statusCode(401);
        signed(body, now, "sha256=" + SenderSignatures.sign("test-sender-secret", now + "." + body + " "))
                .then().statusCode(401);

        signed(body, now, "sha256=" + SenderSignatures.sign("test-sender-secret", now + "." + body)).then().statusCode(202);
        awaitIncident(title, i -> true);
    }

    private static io.restassured.response.Response signed(String body, long timestamp, String signature) {
        return as("intake").contentType(ContentType.JSON).header(SenderSignatures.TIMESTAMP, timestamp)
                .header(SenderSignatures.SIGNATURE, signature).body(body).post("/intake/signals");
    }
}
