package dev.autopilot.reporting.incident;

import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.reporting.ReportingApi.awaitTimeline;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.ReportingApi;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * How incidents end, fed out of order and twice: escalated, remediated live with a rollback, paged, resolved by
 * automation alone; the measures, the CSV export, the postmortem draft and the service's own timeline that follow.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class IncidentOutcomeTest {

    /** A week of its own, far from every other test's incidents. */
    private static final Instant T = Instant.parse("2032-05-04T03:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anIncidentResolvedByAutomationAloneOutOfOrderAndTwice() {
        String service = "svc-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String remediation = UUID.randomUUID().toString();
        List<Event> events = List.of(
                new IncidentOpened(id, "cloudwatch:alb-5xx", "alb-5xx-high " + service, Severity.P1, "degradation",
                        service, Map.of("alarmName", "alb-5xx-high"), "s1", T),
                new IncidentEscalated(id, Severity.P1, Severity.P0, "outage", "every target unhealthy", "s2",
                        T.plusSeconds(30)),
                new RemediationStarted(remediation, id, "outage", ExecutionMode.LIVE, T.plusSeconds(31)),
                new RemediationStepSucceeded(remediation, id, 5, "Roll the service back to revision N-1", "ecs",
                        "UpdateService", ExecutionMode.LIVE, "rolled back to t-developer:41", T.plusSeconds(60)),
                new EscalationStepReached(id, "P0", 1, List.of("DevOps Lead"), T.plusSeconds(32)),
                new NotificationSent(UUID.randomUUID().toString(), id, "webhook", "DevOps Lead", 1, 1, T.plusSeconds(33)),
                new NotificationSuppressed(null, id, "webhook", "Backend Lead", 2, "out-of-hours", T.plusSeconds(34)),
                new RemediationSucceeded(remediation, id, "service stable on t-developer:41", T.plusSeconds(300)),
                new IncidentResolved(id, "detector", "all signals cleared", T.plusSeconds(600)));
        EventFeed feed = new EventFeed(kafka);
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(UUID.randomUUID().toString()));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        Collections.shuffle(order, new Random(42));
        for (int i : order) {
            feed.publish(events.get(i), ids.get(i));
        }
        feed.publish(events.get(3), ids.get(3));
        feed.publish(events.get(8), ids.get(8));

        assertThat(awaitTimeline(id, 9)).extracting(ReportingApi.Entry::type).hasSize(9);
        Map<String, Object> incident = awaitIncident(id, i -> Boolean.TRUE.equals(i.get("resolvedByAutomation")));
        assertThat(incident).containsEntry("severity", "P0").containsEntry("openedSeverity", "P1")
                .containsEntry("type", "outage").containsEntry("escalations", 1).containsEntry("status", "RESOLVED")
                .containsEntry("timeToResolveSeconds", 600).containsEntry("timeToAcknowledgeSeconds", null)
                .containsEntry("actions", Map.of("stepsSucceeded", 1, "stepsFailed", 0, "approvalsRequested", 0,
                        "rollbacks", 1));
        assertThat(incident).extractingByKey("remediation").extracting("status", "mode")
                .isEqualTo(List.of("SUCCEEDED", "LIVE"));
        assertThat(incident).extractingByKey("notifications").isEqualTo(Map.of("sent", 1, "failed", 0,
                "suppressed", 1, "firstSentAt", T.plusSeconds(33).toString(), "escalationStep", 1,
                "paged", List.of("DevOps Lead")));

        JsonPath measures = as("viewer").queryParams(Map.of("from", "2032-05-03", "to", "2032-05-10",
                "groupBy", "severity")).get("/measures").then().statusCode(200).extract().jsonPath();
        assertThat(measures.getInt("overall.incidents")).isEqualTo(1);
        assertThat(measures.getDouble("overall.mttrSeconds")).isEqualTo(600.0);
        assertThat(measures.getString("overall.mttaSeconds")).isNull();
        assertThat(measures.getDouble("overall.automationShare")).isEqualTo(100.0);
        assertThat(measures.getDouble("overall.remediationSuccessRate")).isEqualTo(100.0);
        assertThat(measures.getDouble("overall.rollbacksPerWeek")).isEqualTo(1.0);
        assertThat(measures.getList("groups.key", String.class)).containsExactly("P0");
        as("viewer").queryParam("groupBy", "quarter").get("/measures").then().statusCode(400);

        String csv = as("viewer").queryParam("service", service).get("/incidents.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("id,title,severity,openedSeverity,").contains(id + ",alb-5xx-high " + service
                + ",P0,P1,outage," + service + ",RESOLVED,");

        as("viewer").queryParams(Map.of("text", service.toUpperCase(), "sort", "-severity")).get("/incidents")
                .then().statusCode(200).body("id", contains(id));
        as("viewer").queryParam("sort", "age").get("/incidents").then().statusCode(400);

        as("viewer").get("/incidents/{id}/postmortem", id).then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Postmortem draft: alb-5xx-high " + service))
                .body(containsString("## Symptom"))
                .body(containsString("escalated 1 time(s) to P0"))
                .body(containsString("## Customer impact"))
                .body(containsString("## Responders and acknowledgements\n\n- Never acknowledged"))
                .body(containsString("- Paged: DevOps Lead (1 sent, 0 failed, 1 suppressed; escalation step 1)"))
                .body(containsString("Remediation 'outage' (LIVE): SUCCEEDED; 1 step(s) succeeded, 0 failed, 1 rollback(s)"))
                .body(containsString("- Resolved by automation alone"))
                .body(containsString("| " + T.plusSeconds(60) + " | remediation | Step 5 succeeded: Roll the service back"))
                .body(containsString("## Root cause"))
                .body(containsString("## Prevention"));
    }

    @Test
    void aPostmortemDraftFollowsTheResolution() {
        String id = UUID.randomUUID().toString();
        new EventFeed(kafka).publish(new IncidentOpened(id, "fp", "disk-full", Severity.P2, "agent-failure", null,
                Map.of(), "s", T.minus(Duration.ofDays(365))));
        awaitIncident(id, i -> true);

        as("viewer").get("/incidents/{id}/postmortem", id).then().statusCode(409)
                .body("detail", containsString("not resolved"));
        as("viewer").get("/incidents/{id}/postmortem", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aScalingRecommendationIsOnTheServicesTimeline() {
        String service = "svc-" + UUID.randomUUID();
        String eventId = new EventFeed(kafka).publish(new ScalingRecommended(UUID.randomUUID().toString(), service,
                "t-developer-cluster-production", ScalingDirection.OUT, "AWS/ECS CPUUtilization", 82.0, 70.0, 120,
                "CPU above 70 % for 2 minutes", Instant.now()));

        List<Map<String, Object>> latest = await().atMost(Duration.ofSeconds(20))
                .until(() -> as("viewer").queryParam("limit", "500").get("/timeline").then().statusCode(200)
                        .extract().jsonPath().<Map<String, Object>>getList("$"),
                        list -> list.stream().anyMatch(e -> eventId.equals(e.get("eventId"))));
        Map<String, Object> entry = latest.stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst()
                .orElseThrow();
        assertThat(entry).containsEntry("incidentId", null).containsEntry("managedService", service)
                .containsEntry("service", "detector").containsEntry("type", "ScalingRecommended")
                .containsEntry("summary", "Scale " + service + " out: CPU above 70 % for 2 minutes");
        as("viewer").queryParam("limit", "0").get("/timeline").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
