package dev.autopilot.remediation.playbook;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.awaitById;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playbooks as configured ({@code GET /playbooks}), a plan without side effects
 * ({@code POST /playbooks/{type}/plan}), and a playbook run by hand, here in dry-run: what it reads it reads, what
 * it would change it records exactly, as the SDK request, and does not send.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class PlaybooksApiTest {

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void listsEveryPlaybookWithTheTypesItServesAndItsSteps() {
        List<Map<String, Object>> playbooks = as("viewer").get("/playbooks").then().statusCode(200).extract()
                .jsonPath().getList("$");

        assertThat(playbooks).extracting(p -> p.get("name")).containsExactly("outage", "degradation",
                "agent-failure", "traffic-surge", "scaling", "security", "data-leak", "backup", "evidence");
        Map<String, Object> leak = playbooks.stream().filter(p -> "data-leak".equals(p.get("name"))).findFirst()
                .orElseThrow();
        assertThat(leak).containsEntry("types", List.of("data-loss")).containsEntry("mode", "LIVE")
                .containsEntry("target", "s3:t-developer-projects-production");
        Map<String, Object> surge = playbooks.stream().filter(p -> "traffic-surge".equals(p.get("name")))
                .findFirst().orElseThrow();
        assertThat(map(((List<?>) surge.get("steps")).get(1))).containsEntry("requiresApproval", true)
                .containsEntry("kind", "scale");
        as("intake").get("/playbooks").then().statusCode(403);
    }

    @Test
    void aPlanShowsWhatWouldRunForAnIncidentAndRecordsNothing() {
        String service = unique("web");

        as("viewer").contentType("application/json")
                .body(Map.of("title", "api down", "labels", Map.of("dimension.ServiceName", service,
                        "alarmName", "api-5xx")))
                .post("/playbooks/outage/plan").then().statusCode(200)
                .body("playbook", equalTo("outage")).body("mode", equalTo("LIVE"))
                .body("target", equalTo("ecs:" + CLUSTER + "/" + service))
                .body("steps.size()", equalTo(11))
                .body("steps[6].parameters.taskDefinition", equalTo("<family>:<N-1>"))
                .body("steps[6].parameters.service", equalTo(service))
                .body("steps[10].parameters.AlarmName", equalTo("api-5xx"))
                .body("steps[9].timeout", equalTo("PT10M"));
        as("viewer").contentType("application/json").body("{}").post("/playbooks/no-such-type/plan").then()
                .statusCode(200).body("playbook", equalTo("evidence"));

        as("viewer").queryParam("target", "ecs:" + CLUSTER + "/" + service).get("/remediations").then()
                .statusCode(200).body("size()", equalTo(0));
        assertThat(ecsRequests(aws, "DescribeServices", body -> service.equals(body.path("services").path(0).asText())))
                .isEmpty();
    }

    @Test
    void aDryRunByHandReadsButRecordsTheChangesItWouldSendWithoutSendingThem() {
        String service = unique("web");
        ecsService(aws, service, EcsState.stable("fam", 5, 4, clock.instant().minus(Duration.ofDays(1))),
                EcsState.stable("fam", 5, 6, clock.instant()));
        String alarm = unique("slow");
        AwsStubs.cpuAlarm(aws, alarm, service, 70.0);
        AwsStubs.cpu(aws, service, 88.0);
        String incidentId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("playbook", "degradation", "mode", "dry-run",
                "labels", Map.of("dimension.ServiceName", service, "alarmName", alarm));

        Map<String, Object> planned = as("admin").header("Idempotency-Key", key).contentType("application/json")
                .body(request).post("/incidents/{id}/remediations", incidentId).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/remediations/"))
                .body("mode", equalTo("DRY_RUN")).body("requestedBy", equalTo("admin"))
                .body("incidentId", equalTo(incidentId)).extract().jsonPath().getMap("$");

        Map<String, Object> done = awaitById(planned.get("id"), r -> "SUCCEEDED".equals(r.get("status")));
        Map<String, Object> scale = step(done, "UpdateService");
        assertThat(scale).containsEntry("mode", "DRY_RUN").containsEntry("sent", false)
                .containsEntry("outcome", "dry run, not sent: desired count 4 → 6");
        assertThat(map(scale.get("request"))).isEqualTo(Map.of("cluster", CLUSTER, "service", service,
                "desiredCount", 6));
        assertThat(step(done, "DescribeServices")).containsEntry("sent", true);
        Map<String, Object> clearCache = step(done, "POST");
        assertThat(clearCache).containsEntry("sent", false);
        assertThat(map(clearCache.get("request"))).containsEntry("method", "POST")
                .containsEntry("headers", Map.of("Idempotency-Key", clearCache.get("id")));
        assertThat((String) step(done, "WaitUntilServicesStable").get("outcome")).startsWith("dry run, not waited for");
        assertThat((String) step(done, "VerifyFix").get("outcome"))
                .isEqualTo("dry run, not waited for: CPUUtilization Average still at 88.00 (GreaterThanThreshold 70.00)");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/admin/clear-cache"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        (String) clearCache.get("id"))))).isEmpty();

        as("admin").header("Idempotency-Key", key).contentType("application/json").body(request)
                .post("/incidents/{id}/remediations", incidentId).then().statusCode(200)
                .body("id", equalTo(planned.get("id")));
    }

    @Test
    void onlyAnAdminRunsAPlaybookByHandAndABadRequestIsAProblem() {
        String incidentId = UUID.randomUUID().toString();
        as("responder").contentType("application/json").body(Map.of("playbook", "outage"))
                .post("/incidents/{id}/remediations", incidentId).then().statusCode(403);
        as("admin").contentType("application/json").body(Map.of("playbook", "rollback-everything"))
                .post("/incidents/{id}/remediations", incidentId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("playbook"));
        as("admin").contentType("application/json").body(Map.of("playbook", "outage", "mode", "sometimes"))
                .post("/incidents/{id}/remediations", incidentId).then().statusCode(400)
                .body("errors.field", hasItem("mode"));
        as("admin").contentType("application/json").body(Map.of("playbook", "outage"))
                .post("/incidents/not-a-uuid/remediations").then().statusCode(400);
        as("admin").contentType("application/json").body("{}")
                .post("/incidents/{id}/remediations", incidentId).then().statusCode(400);
    }
}
