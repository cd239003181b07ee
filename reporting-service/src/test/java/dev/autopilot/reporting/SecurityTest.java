package dev.autopilot.reporting;

import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may read the history, and what the others get. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SecurityTest {

    private static final String UNKNOWN = UUID.randomUUID().toString();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/incidents", "/incidents/{id}", "/incidents/{id}/timeline"})
    void withoutAValidTokenTheAnswerIs401(String path) {
        given().get(path.replace("{id}", UNKNOWN)).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get(path.replace("{id}", UNKNOWN)).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/incidents", "/incidents/{id}", "/incidents/{id}/timeline"})
    void theIntakeRoleMayNotRead(String path) {
        as("intake").get(path.replace("{id}", UNKNOWN)).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"viewer", "responder", "admin"})
    void everyReadingRoleMayRead(String role) {
        as(role).get("/incidents").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/incidents/{id}", "/incidents/{id}/timeline"})
    void anUnknownIncidentIsNotFound(String path) {
        as("viewer").get(path.replace("{id}", UNKNOWN)).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("no incident with id " + UNKNOWN));
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theApiIsDescribedForThoseWithAToken() {
        given().get("/q/openapi").then().statusCode(401);
        as("viewer").get("/q/openapi").then().statusCode(200).body(containsString("/incidents/{id}/timeline"));
    }
}
