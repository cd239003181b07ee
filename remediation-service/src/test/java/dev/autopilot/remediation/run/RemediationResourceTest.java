package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.planOf;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The remediations API: who may read it, what it shows, and how it says no. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RemediationResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().get("/remediations").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get("/remediations/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/q/openapi").then().statusCode(401);
    }

    @ParameterizedTest(name = "GET {0} as {1} -> {2}")
    @CsvSource({
            "/remediations,      intake,    403",
            "/remediations/{id}, intake,    403",
            "/remediations,      viewer,    200",
            "/remediations,      responder, 200",
            "/remediations,      admin,     200",
            "/remediations/{id}, viewer,    404",
    })
    void eachRoleMayDoWhatItIsFor(String path, String role, int status) {
        as(role).get(path.replace("{id}", UUID.randomUUID().toString())).then().statusCode(status);
    }

    @Test
    void aForbiddenAnswerIsAProblem() {
        as("intake").get("/remediations").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
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
        as("viewer").queryParam("limit", 0).get("/remediations").then().statusCode(400)
                .contentType("application/problem+json");
        as("viewer").queryParam("offset", -1).get("/remediations").then().statusCode(400);
    }

    @Test
    void listsNewestFirstAndShowsOneWithItsSteps() {
        TopicReader topics = new TopicReader(kafka);
        String older = (String) planOf(topics, opened("outage", "first")).get("id");
        Map<String, Object> newer = planOf(topics, opened("degradation", "second"));

        List<String> ids = as("viewer").queryParam("limit", 500).get("/remediations")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(ids).containsSubsequence((String) newer.get("id"), older);

        Map<String, Object> one = as("viewer").get("/remediations/{id}", newer.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(one).isEqualTo(newer);
        assertThat((List<?>) one.get("steps")).hasSize(5);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
