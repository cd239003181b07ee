package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The remediations API: who may read it, what it shows and filters, and how it says no. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class RemediationResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().get("/remediations").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get("/remediations/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/approvals").then().statusCode(401);
        given().get("/audit").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,  /remediations,          intake,    403",
            "GET,  /remediations/{id},     intake,    403",
            "GET,  /remediations,          viewer,    200",
            "GET,  /remediations,          responder, 200",
            "GET,  /remediations,          admin,     200",
            "GET,  /remediations/{id},     viewer,    404",
            "POST, /remediations/{id}/undo, viewer,   403",
            "POST, /remediations/{id}/undo, responder, 403",
            "POST, /remediations/{id}/undo, admin,    404",
            "GET,  /audit/verification,    viewer,    200",
            "GET,  /backups,               intake,    403",
    })
    void eachRoleMayDoWhatItIsFor(String method, String path, String role, int status) {
        as(role).request(method, path.replace("{id}", UUID.randomUUID().toString())).then().statusCode(status);
    }

    @Test
    void anUnknownRemediationIsNotFound() {
        as("viewer").get("/remediations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:autopilot:problem:not-found"));
        as("viewer").get("/remediations/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badQueryParametersAreProblems() {
        as("viewer").queryParam("incidentId", "not-a-uuid").get("/remediations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("incidentId"));
        as("viewer").queryParam("status", "DONE").get("/remediations").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as("viewer").queryParam("from", "yesterday").get("/remediations").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        as("viewer").queryParam("limit", 0).get("/remediations").then().statusCode(400)
                .contentType("application/problem+json");
        as("viewer").queryParam("offset", -1).get("/remediations").then().statusCode(400);
    }

    @Test
    void listsNewestFirstFilteredByIncidentStatusTargetAndTimeAndShowsOneInFull() {
        TopicReader topics = new TopicReader(kafka);
        String service = unique("web");
        Instant before = clock.instant().minusSeconds(1);
        IncidentOpened older = opened("unclassified", "first", Map.of("dimension.ServiceName", service));
        IncidentOpened newer = opened("unclassified", "second", Map.of("dimension.ServiceName", service));
        write(topics, older);
        String olderId = (String) awaitStatus(older.incidentId(), "SUCCEEDED").get("id");
        write(topics, newer);
        Map<String, Object> newerOne = awaitStatus(newer.incidentId(), "SUCCEEDED");
        String target = "ecs:t-developer-cluster-production/" + service;

        List<String> ids = as("viewer").queryParam("target", target).get("/remediations")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(ids).containsExactly((String) newerOne.get("id"), olderId);
        assertThat(as("viewer").queryParam("target", target).queryParam("status", "succeeded")
                .queryParam("from", before.toString()).queryParam("to", clock.instant().plusSeconds(60).toString())
                .get("/remediations").then().statusCode(200).extract().jsonPath().getList("id")).hasSize(2);
        assertThat(as("viewer").queryParam("target", target).queryParam("status", "FAILED").get("/remediations")
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
        assertThat(as("viewer").queryParam("target", target).queryParam("to", before.toString())
                .get("/remediations").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();

        Map<String, Object> summary = as("viewer").queryParam("incidentId", newer.incidentId()).get("/remediations")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(summary).doesNotContainKey("steps").containsEntry("id", newerOne.get("id"))
                .containsEntry("summary", newerOne.get("summary"));
        assertThat(newerOne).containsKeys("steps", "facts", "occasion", "approvals", "audit");
    }

    @Test
    void healthSaysWhichModeTheServiceRunsInAndWhyWithoutAToken() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'remediation' }.data.mode", equalTo("LIVE"))
                .body("checks.find { it.name == 'remediation' }.data.modeReason",
                        equalTo("remediation.mode is live and AWS credentials were found"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
