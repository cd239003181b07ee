package dev.autopilot.detector.intake.sns;

import static dev.autopilot.detector.DetectorApi.alarmOfItsOwn;
import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.incidentsTitled;
import static dev.autopilot.detector.DetectorApi.postSns;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.DetectorApi;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SnsIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anAlarmOpensOneIncidentItsRepeatsJoinItAndOkResolvesIt() {
        String alarm = "awselb-t-developer-unhealthy-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();

        var receipt = postSns(alarmOfItsOwn(alarm, "ALARM", messageId));

        assertThat(receipt.getString("status")).isEqualTo("FIRING");
        assertThat(receipt.getString("fingerprint")).startsWith("cloudwatch:" + alarm + ":LoadBalancer=");
        // 202 means the signal is on Kafka already
        assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                .anySatisfy(s -> assertThat(s.sourceMessageId()).isEqualTo(messageId));
        Map<String, Object> opened = awaitIncident(alarm, i -> true);
        assertThat(opened).containsEntry("severity", "P0").containsEntry("type", "outage")
                .containsEntry("status", "OPEN").containsEntry("signalCount", 1)
                .containsEntry("service", "app/" + alarm + "/1");
        assertThat((Map<String, Object>) opened.get("labels")).containsEntry("alarmName", alarm)
                .containsEntry("namespace", "AWS/ApplicationELB").containsEntry("metricName", "HealthyHostCount");

        for (int i = 0; i < 5; i++) {
            postSns(alarmOfItsOwn(alarm, "ALARM", UUID.randomUUID().toString()));
        }
        awaitIncident(alarm, i -> ((Integer) i.get("signalCount")) == 6);

        postSns(alarmOfItsOwn(alarm, "OK", UUID.randomUUID().toString()));
        Map<String, Object> resolved = awaitIncident(alarm, i -> "RESOLVED".equals(i.get("status")));
        assertThat(resolved).containsEntry("resolvedBy", "detector");

        String id = (String) opened.get("id");
        TopicReader topics = new TopicReader(kafka);
        assertThat(topics.events(Topics.INCIDENTS, IncidentOpened.class))
                .filteredOn(e -> e.incidentId().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.severity()).isEqualTo(Severity.P0);
                    assertThat(e.labels()).containsEntry("alarmName", alarm);
                });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(topics.events(Topics.INCIDENTS, IncidentResolved.class))
                        .filteredOn(e -> e.incidentId().equals(id)).hasSize(1));
    }

    @Test
    void aRedeliveredMessageCountsOnce() {
        String alarm = "alb-5xx-high-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String body = alarmOfItsOwn(alarm, "ALARM", messageId);

        String first = postSns(body).getString("signalId");
        String again = postSns(body).getString("signalId");
        // a later, distinct message of the same alarm is applied after the redelivery (same partition, in order)
        postSns(alarmOfItsOwn(alarm, "ALARM", UUID.randomUUID().toString()));

        assertThat(again).isEqualTo(first);
        Map<String, Object> incident = awaitIncident(alarm, i -> ((Integer) i.get("signalCount")) >= 2);
        // classified by namespace and metric (HealthyHostCount), whatever the alarm is called
        assertThat(incident).containsEntry("signalCount", 2).containsEntry("severity", "P0");
    }

    @Test
    void theRealFixtureAlarmIsAnUnclassifiedP2() {
        postSns(Payloads.snsNotification(Payloads.cloudWatchAlarm()));

        // it concerns the managed service and may join that service's open incident
        Map<String, Object> incident = DetectorApi.awaitIncidentWithCondition("EXAMPLE");
        assertThat((List<Map<String, Object>>) incident.get("conditions")).filteredOn(c -> "EXAMPLE".equals(c.get("title")))
                .singleElement().satisfies(c -> {
                    assertThat(c).containsEntry("severity", "P2").containsEntry("type", "unclassified");
                    assertThat((Map<String, Object>) c.get("labels")).containsEntry("dimension.InstanceId", "TestInstance");
                });
    }

    @Test
    void anOkWithoutAnOpenIncidentOpensNothing() {
        String alarm = "awselb-unhealthy-never-fired-" + UUID.randomUUID();
        String later = "awselb-unhealthy-later-" + UUID.randomUUID();

        postSns(alarmOfItsOwn(alarm, "OK", UUID.randomUUID().toString()));
        postSns(alarmOfItsOwn(later, "ALARM", UUID.randomUUID().toString()));

        awaitIncident(later, i -> true);
        assertThat(incidentsTitled(alarm)).isEmpty();
    }

    @Test
    void acceptsJsonAsWellAsText() {
        String alarm = "json-posted-unhealthy-" + UUID.randomUUID();

        as("intake").contentType("application/json").body(SnsSigner.sign(alarmOfItsOwn(alarm, "ALARM", "m-" + alarm)))
                .post("/intake/sns").then().statusCode(202);

        awaitIncident(alarm, i -> true);
    }


    @Test
    void badInputGetsAProblemAndNothingIsTaken() {
        String alarm = "never-taken-" + UUID.randomUUID();
        String valid = SnsSigner.sign(alarmOfItsOwn(alarm, "ALARM", "m-" + alarm));

        as("intake").contentType("text/plain").body(valid.substring(0, valid.length() / 2))
                .post("/intake/sns").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", equalTo("urn:autopilot:problem:invalid-request"))
                .body("detail", containsString("not valid JSON"));
        as("intake").contentType("text/plain").body(valid.replace("\"MessageId\"", "\"MessageID\""))
                .post("/intake/sns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("MessageId"));
        as("intake").contentType("text/plain")
                .body(SnsSigner.sign(alarmOfItsOwn(alarm, "ALARM", "m-" + alarm).replace("\\\"ALARM\\\"", "\\\"PANIC\\\"")))
                .post("/intake/sns").then().statusCode(400).body("errors.field", hasItem("Message.NewStateValue"));
        as("intake").contentType("text/plain")
                .body(SnsSigner.sign(Payloads.read("sns-http-notification.awsdocs.json")))
                .post("/intake/sns").then().statusCode(400).body("detail", containsString("CloudWatch alarm"));
        as("intake").contentType("text/plain").body("[1, 2]")
                .post("/intake/sns").then().statusCode(400);
        as("intake").contentType("application/xml").body("<alarm/>")
                .post("/intake/sns").then().statusCode(415).contentType("application/problem+json");

        assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                .noneSatisfy(s -> assertThat(s.title()).isEqualTo(alarm));
    }
}
