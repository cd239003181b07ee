package dev.autopilot.notification.routing;

import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.icegreen.greenmail.util.GreenMail;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.Pages;
import dev.autopilot.notification.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /policies, GET /oncall, the filters of GET /notifications, POST /notifications/test, and health. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class RoutingApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    GreenMail smtp;

    @Inject
    TestClock clock;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void policiesShowTheRunbooksTableWithDelaysAndConditions() {
        as("viewer").get("/policies").then().statusCode(200)
                .body("defaultPolicy", equalTo("p2"))
                .body("lastResort", equalTo("devops-lead"))
                .body("rules[0].type", equalTo("security")).body("rules[0].policy", equalTo("security"))
                .body("policies.find { it.name == 'p1' }.steps[1].afterSeconds", equalTo(900))
                .body("policies.find { it.name == 'p1' }.steps[1].condition", equalTo("UNRESOLVED"))
                .body("policies.find { it.name == 'p1' }.steps[1].contacts", equalTo(List.of("backend-lead")))
                .body("policies.find { it.name == 'p2' }.steps[1].afterSeconds", equalTo(1800))
                .body("policies.find { it.name == 'data-loss' }.steps[1].requiresApproval", equalTo(true));
        given().get("/policies").then().statusCode(401);
    }

    @Test
    void onCallTellsWhoIsReachableNowPerRole() {
        clock.freezeAt(clock.next(DayOfWeek.SATURDAY, LocalTime.of(10, 0), ZoneId.of("Asia/Seoul")));
        Map<String, Object> backendLead = role("Backend Lead");
        assertThat(backendLead.get("reachable")).isEqualTo(List.of());
        assertThat(backendLead).extractingByKey("standIn").satisfies(standIn ->
                assertThat(((Map<?, ?>) standIn).get("name")).isEqualTo("Kim Gaebal"));
        assertThat(role("DevOps Lead").get("reachable")).isEqualTo(List.of("Kim Gaebal"));

        clock.freezeAt(clock.next(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul")));
        assertThat(role("Backend Lead").get("reachable")).isEqualTo(List.of("Lee Baekend"));
        assertThat(role("Backend Lead").get("standIn")).isNull();
        as("viewer").get("/oncall").then().statusCode(200)
                .body("roles.find { it.role == 'Backend Lead' }.contacts[0].channels", equalTo(List.of("sns", "email",
                        "webhook")))
                .body("roles.find { it.role == 'Backend Lead' }.contacts[0].hours",
                        equalTo("MON,TUE,WED,THU,FRI 09:00-18:00 Asia/Seoul"));
    }

    @Test
    void notificationsFilterByContactChannelStatusAndTime() {
        Instant before = clock.instant();
        IncidentOpened incident = incident(Severity.P0, "outage");
        publish(new TopicReader(kafka), incident);
        String id = incident.incidentId();
        awaitNotifications(id, list -> list.size() == 2 && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));

        assertThat(search(Map.of("incidentId", id, "contact", "devops-lead"))).extracting(n -> n.get("channel"))
                .containsExactly("pagerduty");
        assertThat(search(Map.of("incidentId", id, "channel", "slack"))).extracting(Pages::contactOf)
                .containsExactly("ops-channel");
        assertThat(search(Map.of("incidentId", id, "status", "sent"))).hasSize(2);
        assertThat(search(Map.of("incidentId", id, "status", "FAILED"))).isEmpty();
        assertThat(search(Map.of("incidentId", id, "from", before.toString()))).hasSize(2);
        assertThat(search(Map.of("incidentId", id, "to", before.toString()))).isEmpty();
        as("viewer").queryParam("status", "LOST").get("/notifications").then().statusCode(400)
                .contentType("application/problem+json");
        as("viewer").queryParam("from", "yesterday").get("/notifications").then().statusCode(400);
    }

    @Test
    void anAdministratorSendsATestMessageToAContact() throws Exception {
        as("viewer").contentType(ContentType.JSON).body("{\"contact\": \"management\"}")
                .post("/notifications/test").then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body("{\"contact\": \"nobody\"}")
                .post("/notifications/test").then().statusCode(400).contentType("application/problem+json");
        as("admin").contentType(ContentType.JSON).body("{\"contact\": \"management\", \"channel\": \"sns\"}")
                .post("/notifications/test").then().statusCode(409);

        String id = as("admin").contentType(ContentType.JSON).body("{\"contact\": \"management\"}")
                .post("/notifications/test").then().statusCode(202)
                .body("kind", equalTo("TEST")).body("channel", equalTo("email"))
                .extract().jsonPath().getString("id");

        await().atMost(Pages.PATIENCE).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> header(m, id)));
        as("viewer").get("/notifications/{id}", id).then().statusCode(200).body("status", equalTo("SENT"));
    }

    @Test
    void healthSaysEveryChannelIsConfigured() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'notification dispatcher' }.data.keySet()",
                        hasItems("channel email", "channel pagerduty", "channel slack", "channel sns",
                                "channel webhook"))
                .body("checks.find { it.name == 'notification dispatcher' }.data.'channel slack'",
                        equalTo("configured"))
                .body("checks.find { it.name == 'notification dispatcher' }.data.'channel sns'",
                        equalTo("configured"));
    }

    private static boolean header(jakarta.mail.internet.MimeMessage mail, String id) {
        try {
            String[] values = mail.getHeader("X-Autopilot-Delivery-Id");
            return values != null && values[0].equals(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> search(Map<String, String> query) {
        return as("viewer").queryParams(query).get("/notifications").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static Map<String, Object> role(String role) {
        List<Map<String, Object>> roles = as("viewer").get("/oncall").then().statusCode(200).extract().jsonPath()
                .getList("roles");
        return roles.stream().filter(r -> role.equals(r.get("role"))).findFirst().orElseThrow();
    }
}
