package dev.autopilot.notification.delivery;

import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.testing.AwsStubResource;
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

/** GET /notifications and /notifications/{id}: who may read them, and what they answer. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class NotificationsApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void withoutAValidTokenTheAnswerIs401AsAProblem() {
        given().get("/notifications").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-token").get("/notifications/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "GET {0} as {1} -> {2}")
    @CsvSource({
            "/notifications,      intake,    403",
            "/notifications/{id}, intake,    403",
            "/notifications,      viewer,    200",
            "/notifications,      responder, 200",
            "/notifications,      admin,     200",
            "/notifications/{id}, viewer,    404",
    })
    void eachRoleMayReadWhatItIsFor(String path, String role, int status) {
        as(role).get(path.replace("{id}", UUID.randomUUID().toString())).then().statusCode(status);
    }

    @Test
    void aForbiddenOrUnknownNotificationIsAProblem() {
        as("intake").get("/notifications").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        as("viewer").get("/notifications/{id}", "not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("not-a-uuid"));
        as("viewer").queryParam("limit", 0).get("/notifications").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsNeedNoTokenAndTellWhetherTheWebhookIsConfigured() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'notification dispatcher' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'notification dispatcher' }.data.'channel webhook'",
                        equalTo("configured"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("autopilot_outbox_published_total"));
    }

    @Test
    void oneNotificationShowsItsAttemptsAndTheListIsNewestFirst() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened first = incident(Severity.P3, "marker");
        IncidentOpened second = incident(Severity.P3, "marker");
        publish(topics, first);
        String firstId = (String) awaitOnly(first.incidentId(), "SENT").get("id");
        publish(topics, second);
        String secondId = (String) awaitOnly(second.incidentId(), "SENT").get("id");

        as("viewer").get("/notifications/{id}", firstId).then().statusCode(200)
                .body("id", equalTo(firstId)).body("incidentId", equalTo(first.incidentId()))
                .body("status", equalTo("SENT")).body("attempts.size()", equalTo(1))
                .body("attempts[0].outcome", equalTo("DELIVERED"));
        List<String> newestFirst = as("viewer").queryParam("limit", 500).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(newestFirst).containsSubsequence(secondId, firstId);
        List<Map<String, Object>> ofFirst = as("viewer").queryParam("incidentId", first.incidentId())
                .get("/notifications").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(ofFirst).extracting(n -> n.get("id")).containsExactly(firstId);
    }
}
