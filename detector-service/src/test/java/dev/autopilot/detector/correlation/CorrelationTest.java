package dev.autopilot.detector.correlation;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.incidentsTitled;
import static dev.autopilot.detector.DetectorApi.postSignal;
import static dev.autopilot.detector.DetectorApi.postSns;
import static dev.autopilot.detector.DetectorApi.sample;
import static dev.autopilot.detector.DetectorApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.detector.TestClockProducer;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** How signals become incidents: correlation, escalation, clearing with hold-down, flapping, reopening, storms. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class CorrelationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    LifecycleTimers timers;

    @Inject
    CorrelationConfig config;

    @Test
    void runningCountZeroUnhealthyTargetsAndA5xxAlarmAreOneP0WithAllThreeAttached() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String alarm = service + "-5xx";
        postSns(Payloads.snsNotification(Payloads.cloudWatchAlarm(alarm, "ALARM", "AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count", Map.of("LoadBalancer", service))));
        Map<String, Object> opened = awaitIncident(alarm, i -> true);
        assertThat(opened).containsEntry("severity", "P1").containsEntry("type", "degradation");
        String id = (String) opened.get("id");

        write(kafka, sample(service, "ecs-service", "runningCount", 0, Instant.now()));
        write(kafka, sample(service, "target-health", "unhealthyTargets", 2, Instant.now()));

        Map<String, Object> incident = await().atMost(Duration.ofSeconds(20)).until(
                () -> as("viewer").get("/incidents/{id}", id).then().statusCode(200).extract().jsonPath().getMap("$"),
                i -> ((List<?>) i.get("conditions")).size() == 3);
        assertThat(incident).containsEntry("severity", "P0").containsEntry("type", "outage");
        assertThat(incidentsTitled(alarm)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new TopicReader(kafka).events(Topics.INCIDENTS, IncidentEscalated.class))
                        .filteredOn(e -> e.incidentId().equals(id)).singleElement()
                        .satisfies(e -> {
                            assertThat(e.previousSeverity()).isEqualTo(Severity.P1);
                            assertThat(e.severity()).isEqualTo(Severity.P0);
                            assertThat(e.type()).isEqualTo("outage");
                        }));
        assertThat(as("viewer").queryParam("incidentId", id).get("/signals").then().statusCode(200)
                .extract().jsonPath().getList("effect", String.class)).containsExactly("OPENED", "JOINED", "ESCALATED", "JOINED");
        assertThat(new TopicReader(kafka).events(Topics.INCIDENTS, IncidentOpened.class))
                .filteredOn(e -> e.incidentId().equals(id)).hasSize(1);
    }

    @Test
    void aCheckClearsOnlyAfterItsHoldDownThenTheIncidentResolves() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        write(kafka, sample(service, "ecs-service", "runningCount", 0, Instant.now()));
        String title = "ecs-service runningCount of " + service;
        String id = (String) awaitIncident(title, i -> true).get("id");

        write(kafka, sample(service, "ecs-service", "runningCount", 2, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> conditionStatus(id).equals("CLEARING"));
        timers.runDue();
        assertThat(as("viewer").get("/incidents/{id}", id).jsonPath().getString("status")).isEqualTo("OPEN");

        TestClockProducer.CLOCK.advance(config.holdDown().plusSeconds(1));
        timers.runDue();

        Map<String, Object> resolved = awaitIncident(title, i -> "RESOLVED".equals(i.get("status")));
        assertThat(resolved).containsEntry("resolvedBy", "detector");
    }

    @Test
    void aFlappingAlarmHoldsItsIncidentOpenUntilItIsQuiet() {
        String title = "flapping " + UUID.randomUUID();
        Map<String, Object> firing = Map.of("source", "test", "status", "firing", "title", title, "service", title,
                "fingerprint", title);
        Map<String, Object> resolved = Map.of("source", "test", "status", "resolved", "title", title, "service", title,
                "fingerprint", title);
        postSignal(firing);
        String id = (String) awaitIncident(title, i -> true).get("id");
        // fire, clear, fire, clear, fire, clear, fire, clear: the resolutions reopen it until it flaps
        for (int i = 0; i < config.flapTransitions(); i++) {
            postSignal(resolved);
            postSignal(firing);
        }
        postSignal(resolved);

        Map<String, Object> flapping = awaitIncident(title, i -> Boolean.TRUE.equals(i.get("flapping"))
                && "OPEN".equals(i.get("status")) && "CLEARED".equals(conditionStatus(id)));
        assertThat(flapping).containsEntry("id", id);

        TestClockProducer.CLOCK.advance(config.flapHold().plusSeconds(1));
        timers.runDue();

        awaitIncident(title, i -> "RESOLVED".equals(i.get("status")));
    }

    @Test
    void cpuAbove70ForTwoMinutesRecommendsScalingOutAndOpensNoIncident() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now();
        for (int second = 0; second <= 120; second += 60) {
            write(kafka, sample(service, "cloudwatch-metric", "CPUUtilization", 85, t0.plusSeconds(second)));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(new TopicReader(kafka).events(Topics.RECOMMENDATIONS, ScalingRecommended.class))
                        .filteredOn(r -> r.service().equals(service)).singleElement()
                        .satisfies(r -> {
                            assertThat(r.direction()).isEqualTo(ScalingDirection.OUT);
                            assertThat(r.value()).isEqualTo(85.0);
                            assertThat(r.threshold()).isEqualTo(70.0);
                            assertThat(r.heldForSeconds()).isEqualTo(120);
                        }));
        assertThat(incidentsTitled("cloudwatch-metric CPUUtilization of " + service)).isEmpty();
    }

    @Test
    void aStormOfOneAlarmIsOneIncidentAndCostsOneRowOfEvidence() {
        String title = "storm " + UUID.randomUUID();
        Map<String, Object> firing = Map.of("source", "storm", "status", "firing", "title", title, "service", title);
        List<Map<String, Object>> batch = java.util.Collections.nCopies(1000, firing);

        for (int i = 0; i < 3; i++) {
            postSignal(batch);
        }

        Map<String, Object> incident = awaitIncident(title, i -> ((Integer) i.get("signalCount")) == 3000);
        String id = (String) incident.get("id");
        assertThat(as("viewer").queryParam("incidentId", id).get("/signals").jsonPath().getList("$")).hasSize(1);
        assertThat(as("viewer").get("/incidents/{id}", id).jsonPath().getLong("conditions[0].signalCount"))
                .isEqualTo(3000);
    }

    private static String conditionStatus(String incidentId) {
        return as("viewer").get("/incidents/{id}", incidentId).jsonPath().getString("conditions[0].status");
    }
}
