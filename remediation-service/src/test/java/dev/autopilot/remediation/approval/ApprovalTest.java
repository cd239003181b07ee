package dev.autopilot.remediation.approval;

import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.alarmOn;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.remediation.run.RemediationEngine;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Steps marked {@code requiresApproval} wait for a person (in tests: the traffic-surge playbook's scaling): granted,
 * the step runs; rejected, the remediation stops; nobody deciding in time, it escalates.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class ApprovalTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    RemediationEngine engine;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void anApprovedStepRunsAtOnce() {
        String service = unique("web");
        Waiting waiting = waitingForApproval(service);
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();
        RemediationAwaitingApproval event = awaitEvents(new TopicReader(kafka), RemediationAwaitingApproval.class,
                waiting.incidentId()).get(0);
        assertThat(event.approvalId()).isEqualTo(waiting.approval().get("id"));
        assertThat(event.order()).isEqualTo(2);
        assertThat(event.expiresAt()).isEqualTo(event.requestedAt().plus(Duration.ofMinutes(15)));

        as("viewer").contentType("application/json").body("{}")
                .post("/approvals/{id}/approve", waiting.approval().get("id")).then().statusCode(403);
        as("responder").contentType("application/json").body("{\"note\": \"scale it\"}")
                .post("/approvals/{id}/approve", waiting.approval().get("id")).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("responder"))
                .body("note", equalTo("scale it"));

        Map<String, Object> done = awaitStatus(waiting.incidentId(), "SUCCEEDED");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.path("desiredCount").asInt()).containsExactly(10);
        assertThat((List<?>) done.get("audit")).extracting(r -> map(r).get("actor") + " " + map(r).get("action"))
                .contains("responder approved step 2 Scale the service to 10 tasks");
    }

    @Test
    void aRejectedStepStopsTheRemediation() {
        String service = unique("web");
        Waiting waiting = waitingForApproval(service);

        as("responder").contentType("application/json").body("{\"note\": \"not during the release\"}")
                .post("/approvals/{id}/reject", waiting.approval().get("id")).then().statusCode(200)
                .body("status", equalTo("REJECTED"));

        Map<String, Object> rejected = awaitStatus(waiting.incidentId(), "REJECTED");
        String reason = "step 2 (Scale the service to 10 tasks) rejected by responder: not during the release";
        assertThat(rejected).containsEntry("summary", reason);
        assertThat(steps(rejected)).extracting(s -> s.get("status")).containsExactly("SUCCEEDED", "SKIPPED",
                "CANCELLED");
        assertThat(awaitEvents(new TopicReader(kafka), RemediationFailed.class, waiting.incidentId()))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
        as("responder").contentType("application/json").body("{}")
                .post("/approvals/{id}/approve", waiting.approval().get("id")).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();
    }

    @Test
    void anApprovalNobodyDecidesInTimeEscalates() {
        String service = unique("web");
        Waiting waiting = waitingForApproval(service);

        clock.advance(Duration.ofMinutes(16));
        engine.wake();

        Map<String, Object> escalated = awaitStatus(waiting.incidentId(), "ESCALATED");
        assertThat((String) escalated.get("summary")).startsWith("step 2 (Scale the service to 10 tasks) waited for "
                + "approval " + waiting.approval().get("id") + " and nobody decided by ");
        assertThat(map(((List<?>) escalated.get("approvals")).get(0))).containsEntry("status", "EXPIRED");
        RemediationEscalated event = awaitEvents(new TopicReader(kafka), RemediationEscalated.class,
                waiting.incidentId()).get(0);
        assertThat(event.target()).isEqualTo("ecs:" + CLUSTER + "/" + service);
        as("responder").contentType("application/json").body("{}")
                .post("/approvals/{id}/approve", waiting.approval().get("id")).then().statusCode(409);
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();
    }

    @Test
    void unknownApprovalsAreNotFound() {
        as("responder").contentType("application/json").body("{}")
                .post("/approvals/{id}/approve", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("responder").contentType("application/json").body("{}")
                .post("/approvals/not-a-uuid/reject").then().statusCode(404);
        as("viewer").queryParam("status", "MAYBE").get("/approvals").then().statusCode(400);
        as("intake").get("/approvals").then().statusCode(403);
    }

    /** A waiting approval, as GET /approvals lists it. */
    private record Waiting(String incidentId, Map<String, Object> approval) {
    }

    private Waiting waitingForApproval(String service) {
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        ecsService(aws, service, EcsState.stable("fam", 3, 4, longAgo), EcsState.stable("fam", 3, 10, longAgo));
        IncidentOpened incident = opened("traffic-surge", unique("surge"), alarmOn(unique("alarm"), service, null));
        write(new TopicReader(kafka), incident);
        Map<String, Object> waiting = awaitStatus(incident.incidentId(), "AWAITING_APPROVAL");
        List<Map<String, Object>> pending = as("viewer").get("/approvals").then().statusCode(200).extract()
                .jsonPath().getList("$");
        Map<String, Object> approval = pending.stream().filter(a -> waiting.get("id").equals(a.get("remediationId")))
                .findFirst().orElseThrow();
        assertThat(approval).containsEntry("status", "PENDING").containsEntry("order", 2)
                .containsEntry("operation", "UpdateService").containsEntry("incidentId", incident.incidentId())
                .containsEntry("target", "ecs:" + CLUSTER + "/" + service);
        return new Waiting(incident.incidentId(), approval);
    }
}
