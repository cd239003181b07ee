package dev.autopilot.detector.intake.prometheus;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.awaitIncidentWithCondition;
import static dev.autopilot.detector.DetectorApi.incidentsTitled;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.detector.DetectorApi;
import dev.autopilot.detector.TestClockProducer;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Prometheus pointed at the detector as its Alertmanager, and Alertmanager's webhook, with the captured payloads. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class PrometheusIntakeTest {

    @Test
    void theCapturedPostIsTakenAsIsAndItsPastEndsAtMeansResolved() {
        // captured on 2026-11-26 at 04:23: their endsAt has passed, so both alerts are resolved now
        alerts(Payloads.json("prometheus-postable-alerts-firing.captured-prom-2.42.0.json"))
                .then().statusCode(200).body("signals.status", everyItem(equalTo("RESOLVED")));
    }

    @Test
    void activeAlertsOpenOneIncidentTheirResendsRepeatAndAPastEndsAtResolvesIt() {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "EcsServiceCpuHigh" + service;
        ArrayNode active = retimed(service, TestClockProducer.CLOCK.instant().minusSeconds(60), TestClockProducer.CLOCK.instant().plusSeconds(240));
        named(active, name);

        alerts(active).then().statusCode(200).body("signals.status", everyItem(equalTo("FIRING")));

        Map<String, Object> incident = awaitIncident(name,
                i -> service.equals(i.get("service")) && ((Integer) i.get("signalCount")) == 2);
        assertThat(incident).containsEntry("severity", "P1");
        assertThat((Map<String, Object>) incident.get("labels")).containsEntry("cluster", "prod")
                .containsEntry("annotation.summary", "ECS service web CPU above 80%");

        // Prometheus re-sends every active alert, with a later endsAt
        alerts(named(retimed(service, TestClockProducer.CLOCK.instant().minusSeconds(60),
                TestClockProducer.CLOCK.instant().plusSeconds(300)), name)).then().statusCode(200);
        awaitIncident(name, i -> ((Integer) i.get("signalCount")) == 4);

        alerts(named(retimed(service, TestClockProducer.CLOCK.instant().minusSeconds(60),
                TestClockProducer.CLOCK.instant().minusSeconds(1)), name)).then().statusCode(200);
        awaitIncident(name, i -> "RESOLVED".equals(i.get("status")));
    }

    @Test
    void aPostPrometheusRetriesCountsOnceAndItsNextResendCounts() {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "EcsServiceCpuHigh" + service;
        Instant now = TestClockProducer.CLOCK.instant();
        ArrayNode active = named(retimed(service, now.minusSeconds(60), now.plusSeconds(240)), name);

        List<String> first = alerts(active).then().statusCode(200).extract().path("signals.signalId");
        List<String> retried = alerts(active).then().statusCode(200).extract().path("signals.signalId");
        alerts(named(retimed(service, now.minusSeconds(60), now.plusSeconds(300)), name)).then().statusCode(200);

        assertThat(retried).isEqualTo(first);
        Map<String, Object> incident = awaitIncident(name, i -> ((Integer) i.get("signalCount")) >= 4);
        assertThat(incident).as("two alerts, each posted, retried and re-sent").containsEntry("signalCount", 4);
    }

    @Test
    void aRetriedWebhookCountsOnce() {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode firing = (ObjectNode) Payloads.json("alertmanager-webhook-v4-resolved.captured-am-0.25.0.json").deepCopy();
        firing.put("status", "firing");
        ObjectNode alert = (ObjectNode) firing.withArray("alerts").get(0);
        ((ObjectNode) alert.get("labels")).put("service", service);
        alert.put("fingerprint", UUID.randomUUID().toString()).put("status", "firing")
                .put("endsAt", "0001-01-01T00:00:00Z");

        String first = webhook(firing).then().statusCode(200).extract().path("signals[0].signalId");
        String retried = webhook(firing).then().statusCode(200).extract().path("signals[0].signalId");
        // the same alert in another group's notification is another delivery, applied after the retried one
        ObjectNode otherGroup = firing.deepCopy();
        otherGroup.put("groupKey", "{}:{service=\"" + service + "\"}");
        webhook(otherGroup).then().statusCode(200);

        assertThat(retried).isEqualTo(first);
        Map<String, Object> condition = DetectorApi.awaitCondition("EcsServiceTaskFlapping",
                c -> service.equals(((Map<String, Object>) c.get("labels")).get("service"))
                        && ((Number) c.get("signalCount")).intValue() >= 2);
        assertThat(((Number) condition.get("signalCount")).intValue()).isEqualTo(2);
    }

    @Test
    void alertmanagersWebhookFiresAndResolves() {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode resolved = (ObjectNode) Payloads.json("alertmanager-webhook-v4-resolved.captured-am-0.25.0.json").deepCopy();
        ((ObjectNode) resolved.withArray("alerts").get(0).get("labels")).put("service", service);
        ((ObjectNode) resolved.withArray("alerts").get(0)).put("fingerprint", UUID.randomUUID().toString());
        ObjectNode firing = resolved.deepCopy();
        firing.put("status", "firing");
        ((ObjectNode) firing.withArray("alerts").get(0)).put("status", "firing").put("endsAt", "0001-01-01T00:00:00Z");

        webhook(firing).then().statusCode(200).body("signals[0].status", equalTo("FIRING"));
        Map<String, Object> condition = DetectorApi.awaitCondition("EcsServiceTaskFlapping",
                c -> service.equals(((Map<String, Object>) c.get("labels")).get("service")));
        assertThat(condition).containsEntry("severity", "P2");

        webhook(resolved).then().statusCode(200).body("signals[0].status", equalTo("RESOLVED"));
        DetectorApi.awaitCondition("EcsServiceTaskFlapping", c -> "CLEARED".equals(c.get("status"))
                && service.equals(((Map<String, Object>) c.get("labels")).get("service")));
    }

    @Test
    void theOlderWebhookShapeWithoutFingerprintsIsTakenToo() {
        ObjectNode alerta = (ObjectNode) Payloads.json("alertmanager-webhook-v4-firing.alerta.json").deepCopy();
        String name = "thing_dead_" + UUID.randomUUID().toString().replace("-", "");
        ((ObjectNode) alerta.withArray("alerts").get(0).get("labels")).put("alertname", name);

        webhook(alerta).then().statusCode(200);

        // it names no service: it concerns the managed one and may join that service's open incident
        Map<String, Object> incident = awaitIncidentWithCondition(name);
        assertThat((List<Map<String, Object>>) incident.get("conditions")).filteredOn(c -> name.equals(c.get("title")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("severity", "P1"));
    }

    @Test
    void badAlertsAreRefusedWhole() {
        String name = "Never" + UUID.randomUUID().toString().replace("-", "");
        ArrayNode batch = retimed("svc", TestClockProducer.CLOCK.instant(), TestClockProducer.CLOCK.instant().plusSeconds(60));
        ((ObjectNode) batch.get(0).get("labels")).put("alertname", name);
        ((ObjectNode) batch.get(1)).remove("labels");

        alerts(batch).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].labels"));
        as("intake").contentType(ContentType.JSON).body("{\"labels\": {}}")
                .post("/intake/prometheus/api/v2/alerts").then().statusCode(400);
        ArrayNode badTime = retimed("svc", TestClockProducer.CLOCK.instant(), TestClockProducer.CLOCK.instant().plusSeconds(60));
        ((ObjectNode) badTime.get(0)).put("startsAt", "noon");
        alerts(badTime).then().statusCode(400).body("errors.field", hasItem("[0].startsAt"));
        as("intake").contentType(ContentType.JSON).body("{\"version\": \"3\", \"alerts\": []}")
                .post("/intake/alertmanager").then().statusCode(400);

        assertThat(incidentsTitled(name)).isEmpty();
    }

    /** The first of the captured alerts under another name. */
    private static ArrayNode named(ArrayNode alerts, String name) {
        ((ObjectNode) alerts.get(0).get("labels")).put("alertname", name);
        return alerts;
    }

    /** The captured alerts, of another service and with other times. */
    private static ArrayNode retimed(String service, Instant startsAt, Instant endsAt) {
        ArrayNode alerts = (ArrayNode) Payloads.json("prometheus-postable-alerts-firing.captured-prom-2.42.0.json").deepCopy();
        for (JsonNode alert : alerts) {
            ((ObjectNode) alert).put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString());
            ((ObjectNode) alert.get("labels")).put("service", service);
        }
        return alerts;
    }

    private static Response alerts(JsonNode body) {
        return as("intake").contentType(ContentType.JSON).body(body.toString()).post("/intake/prometheus/api/v2/alerts");
    }

    private static Response webhook(JsonNode body) {
        return as("intake").contentType(ContentType.JSON).body(body.toString()).post("/intake/alertmanager");
    }

}
