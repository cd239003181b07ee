package dev.autopilot.detector;

import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SecurityAndOperationsTest {

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        given().get("/incidents").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get("/incidents").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/incidents").then().statusCode(401);
        given().contentType("text/plain").body(Payloads.healthyHostAlarm("x", "ALARM", "m"))
                .post("/intake/sns").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,  /incidents,                 intake,    403",
            "GET,  /incidents,                 viewer,    200",
            "GET,  /incidents,                 responder, 200",
            "GET,  /incidents,                 admin,     200",
            "POST, /intake/signals,            viewer,    403",
            "POST, /intake/signals,            responder, 403",
            "POST, /incidents/{id}/acknowledge, viewer,   403",
            "POST, /incidents/{id}/acknowledge, intake,   403",
            "POST, /incidents/{id}/resolve,     viewer,   403",
            "POST, /incidents/{id}/resolve,     responder, 404",
    })
    void eachRoleMayDoWhatItIsFor(String method, String path, String role, int status) {
        as(role).contentType("application/json").body("{}")
                .request(method, path.replace("{id}", UUID.randomUUID().toString()))
                .then().statusCode(status);
    }

    @Test
    void aForbiddenAnswerIsAProblem() {
        as("viewer").contentType("application/json").body("{}").post("/intake/signals")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("outbox relay"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("autopilot_outbox_published_total"));
    }

    @Test
    void theApiIsDescribedForThoseWithAToken() {
        as("viewer").get("/q/openapi").then().statusCode(200).body(containsString("/intake/sns"));
    }
}
