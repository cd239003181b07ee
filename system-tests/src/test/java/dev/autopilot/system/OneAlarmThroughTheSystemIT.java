package dev.autopilot.system;

import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Topics;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One CloudWatch alarm through the four packaged services on the local platform: the detector opens one
 * incident, remediation plans the runbook's playbook, notification pages over the webhook, reporting shows the
 * whole timeline; repeats join the incident, OK resolves it, and a redelivered IncidentOpened changes nothing.
 * The steps build on each other, in order, on one stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneAlarmThroughTheSystemIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ALARM = "awselb-t-developer-unhealthy-" + UUID.randomUUID().toString().substring(0, 8);

    private static Stack stack;
    private static String incidentId;
    /** The pages the first step of the escalation sent (P0: the DevOps Lead and the ops channel). */
    private static int pages;

    @BeforeAll
    static void startTheProduct() {
        stack = Stack.start();
    }

    @AfterAll
    static void stopTheProduct() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anAlarmBecomesAnIncidentWithAPlanAPageAndATimeline() {
        as("intake").baseUri(stack.url("detector")).contentType("text/plain; charset=UTF-8")
                .body(Payloads.healthyHostAlarm(ALARM, "ALARM", UUID.randomUUID().toString()))
                .post("/intake/sns").then().statusCode(202);

        Map<String, Object> incident = await().atMost(PATIENCE).until(() -> incidents(ALARM), l -> l.size() == 1).get(0);
        incidentId = (String) incident.get("id");
        assertThat(incident).containsEntry("severity", "P0").containsEntry("type", "outage")
                .containsEntry("status", "OPEN");
        assertThat((Map<String, Object>) incident.get("labels")).containsEntry("alarmName", ALARM);

        List<Map<String, Object>> plans = await().atMost(PATIENCE).until(() -> remediations(incidentId), l -> !l.isEmpty());
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan).containsEntry("playbook", "outage").containsEntry("mode", "DRY_RUN");
        });

        List<Map<String, Object>> sent = await().atMost(PATIENCE).until(() -> notifications(incidentId),
                l -> !l.isEmpty() && l.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        pages = sent.size();
        assertThat(stack.webhook().pagesAbout(incidentId)).hasSize(pages);

        List<Map<String, Object>> timeline = await().atMost(PATIENCE).until(() -> timeline(incidentId),
                t -> types(t).containsAll(List.of("IncidentOpened", "RemediationPlanned", "NotificationSent")));
        assertThat(timeline).extracting(e -> (String) e.get("at")).isSorted();
        Map<String, String> serviceOfType = new LinkedHashMap<>();
        timeline.forEach(e -> serviceOfType.put((String) e.get("type"), (String) e.get("service")));
        assertThat(serviceOfType).containsEntry("IncidentOpened", "detector")
                .containsEntry("RemediationPlanned", "remediation")
                .containsEntry("NotificationSent", "notification");
        assertThat(timeline).allSatisfy(e -> assertThat((String) e.get("summary")).isNotBlank());
    }

    @Test
    @Order(2)
    void fiftyRepeatsOfTheAlarmLeaveOneIncident() {
        for (int i = 0; i < 50; i++) {
            as("intake").baseUri(stack.url("detector")).contentType("text/plain; charset=UTF-8")
                    .body(Payloads.healthyHostAlarm(ALARM, "ALARM", UUID.randomUUID().toString()))
                    .post("/intake/sns").then().statusCode(202);
        }

        Map<String, Object> incident = await().atMost(PATIENCE)
                .until(() -> incidents(ALARM), l -> l.size() == 1 && ((Integer) l.get(0).get("signalCount")) == 51)
                .get(0);
        assertThat(incident).containsEntry("id", incidentId).containsEntry("status", "OPEN");
        assertThat(remediations(incidentId)).hasSize(1);
        assertThat(stack.webhook().pagesAbout(incidentId)).hasSize(pages);
    }

    @Test
    @Order(3)
    void aRedeliveredIncidentOpenedAddsNoSecondPlanOrPage() {
        TopicReader topics = new TopicReader(stack.kafka());
        ConsumerRecord<String, byte[]> opened = topics.records(Topics.INCIDENTS).stream()
                .filter(r -> incidentId.equals(r.key()))
                .filter(r -> "IncidentOpened".equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                .findFirst().orElseThrow();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : opened.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }

        topics.write(Topics.INCIDENTS, opened.key(), headers, opened.value());
        // a later incident, on the same single partition: once it is planned and paged, the redelivery was seen
        // (on a load balancer of its own: alarms of one service correlate into one incident)
        String marker = "awselb-marker-unhealthy-" + UUID.randomUUID().toString().substring(0, 8);
        as("intake").baseUri(stack.url("detector")).contentType("text/plain; charset=UTF-8")
                .body(Payloads.healthyHostAlarm(marker, "ALARM", UUID.randomUUID().toString(), "app/" + marker + "/1",
                        "targetgroup/" + marker + "/1"))
                .post("/intake/sns").then().statusCode(202);
        String markerId = (String) await().atMost(PATIENCE).until(() -> incidents(marker), l -> l.size() == 1)
                .get(0).get("id");
        await().atMost(PATIENCE).until(() -> !remediations(markerId).isEmpty()
                && stack.webhook().pagesAbout(markerId).size() == pages);

        assertThat(remediations(incidentId)).hasSize(1);
        assertThat(stack.webhook().pagesAbout(incidentId)).hasSize(pages);
        assertThat(notifications(incidentId)).hasSize(pages);
    }

    @Test
    @Order(4)
    void okResolvesTheIncidentEverywhere() {
        as("intake").baseUri(stack.url("detector")).contentType("text/plain; charset=UTF-8")
                .body(Payloads.healthyHostAlarm(ALARM, "OK", UUID.randomUUID().toString()))
                .post("/intake/sns").then().statusCode(202);

        await().atMost(PATIENCE).until(() -> "RESOLVED".equals(incidents(ALARM).get(0).get("status")));
        await().atMost(PATIENCE).until(() -> types(timeline(incidentId)).contains("IncidentResolved"));
        JsonPath history = as("viewer").baseUri(stack.url("reporting")).get("/incidents/{id}", incidentId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("status")).isEqualTo("RESOLVED");
    }

    @Test
    @Order(5)
    void theDetectorSaysWhenItDoesNotVerifySnsSignatures() {
        given().baseUri(stack.url("detector")).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sns intake' }.data.warning",
                        org.hamcrest.Matchers.containsString("verification is off"));
    }

    @Test
    @Order(6)
    void everyServiceRefusesCallsWithoutAToken() {
        for (String service : Stack.SERVICES) {
            given().baseUri(stack.url(service)).get(service.equals("detector") || service.equals("reporting")
                    ? "/incidents" : "/" + service + "s")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        as("intake").baseUri(stack.url("detector")).contentType("text/plain").body("{\"Type\": \"Notification\"")
                .post("/intake/sns").then().statusCode(400).contentType("application/problem+json");
    }

    private static List<Map<String, Object>> incidents(String title) {
        List<Map<String, Object>> all = as("viewer").baseUri(stack.url("detector")).queryParam("limit", 500)
                .get("/incidents").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(i -> title.equals(i.get("title"))).toList();
    }

    private static List<Map<String, Object>> remediations(String incident) {
        return as("viewer").baseUri(stack.url("remediation")).queryParam("incidentId", incident)
                .get("/remediations").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The pages of an incident (not its resolve notices or remediation news). */
    private static List<Map<String, Object>> notifications(String incident) {
        List<Map<String, Object>> all = as("viewer").baseUri(stack.url("notification")).queryParam("incidentId", incident)
                .get("/notifications").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(n -> "PAGE".equals(n.get("kind"))).toList();
    }

    private static List<Map<String, Object>> timeline(String incident) {
        var response = as("viewer").baseUri(stack.url("reporting")).get("/incidents/{id}/timeline", incident);
        return response.statusCode() == 200 ? response.jsonPath().getList("$") : List.of();
    }

    private static List<String> types(List<Map<String, Object>> timeline) {
        return timeline.stream().map(e -> (String) e.get("type")).toList();
    }
}
