package dev.autopilot.remediation.run;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.cpu;
import static dev.autopilot.remediation.AwsStubs.cpuAlarm;
import static dev.autopilot.remediation.AwsStubs.ecs;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.alarmOn;
import static dev.autopilot.remediation.RemediationApi.awaitById;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.awaitRemediation;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.eventsOf;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An AWS call of a live step that never answers in time, end to end: the real SDK client gives up on each of its
 * attempts after {@code autopilot.aws.api-call-attempt-timeout} (1 s here, instead of the 5 s every other test runs
 * with), the SDK tries the call twice ({@code autopilot.aws.max-attempts=2}, from the AWS stub), and the engine
 * tries the step again after its backoff (50 ms, then 100 ms: {@code %test.remediation.engine.*}), three times,
 * with the same request each time; then the step fails for good and the remediation with it. And a change ECS
 * applied though its answer was lost: the retry finds it done, and undo restores the state read before it.
 */
@QuarkusTest
@TestProfile(StepTimeoutTest.QuickAttemptTimeout.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class StepTimeoutTest {

    /** The test configuration with a short SDK attempt timeout: the one change, so a timeout costs a second. */
    public static class QuickAttemptTimeout implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autopilot.aws.api-call-attempt-timeout", "1s");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String SCALE = "Add 2 tasks to the desired count";

    /**
     * What a timed-out step attempt says: the SDK's attempt timer fires (the HTTP client's read timeout is a second
     * longer, so it never wins the race and words the failure otherwise).
     */
    private static final List<String> TIMED_OUT = List.of(
            "timed out: HTTP request execution did not complete before the specified timeout configuration: "
                    + "1000 millis (SDK Attempt Count: 2)");

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

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void aScaleOutThatTimesOutIsSentAgainUnchangedAfterEachBackoffThenFailsTheRemediation() throws Exception {
        String service = unique("web");
        String alarm = unique("slow");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        clock.freezeAt(now);
        ecsService(aws, service, EcsState.stable("fam", 5, 4, now.minus(Duration.ofDays(1))),
                EcsState.stable("fam", 5, 6, now));
        // ECS takes the UpdateService of this service and never answers within the attempt timeout
        aws.stubFor(ecs("UpdateService").atPriority(1)
                .withRequestBody(matchingJsonPath("$.service", equalTo(service)))
                .willReturn(AwsStubs.updated(service, EcsState.stable("fam", 5, 6, now)).withFixedDelay(3_000)));
        cpu(aws, service, 35.0);
        IncidentOpened incident = opened("degradation", alarm, alarmOn(alarm, service, null));
        TopicReader topics = new TopicReader(kafka);
        String sent = "{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service + "\",\"desiredCount\":6}";

        write(topics, incident);

        // attempt 1: both of the SDK's tries time out; the step is due again after the first backoff, 50 ms
        Map<String, Object> first = awaitRemediation(incident.incidentId(), r -> retrying(r, 1));
        assertThat(first).containsEntry("status", "RUNNING");
        Map<String, Object> once = step(first, "UpdateService");
        assertThat(once).containsEntry("order", 5).containsEntry("sent", true)
                .containsEntry("dueAt", now.plusMillis(50).toString());
        assertThat((String) once.get("error")).isIn(TIMED_OUT).isEqualTo(once.get("outcome"));
        assertThat(map(once.get("request"))).isEqualTo(Map.of("cluster", CLUSTER, "service", service,
                "desiredCount", 6));
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(JsonNode::toString).containsExactly(sent, sent);

        // attempt 2, when the clock reaches it: timed out again; due again after twice the backoff, 100 ms
        clock.advance(Duration.ofMillis(50));
        engine.wake();
        Map<String, Object> second = awaitRemediation(incident.incidentId(), r -> retrying(r, 2));
        assertThat(step(second, "UpdateService")).containsEntry("dueAt", now.plusMillis(150).toString());
        assertThat((String) step(second, "UpdateService").get("error")).isIn(TIMED_OUT);

        // attempt 3, the last the engine makes (remediation.engine.max-attempts=3): the step fails for good
        clock.advance(Duration.ofMillis(100));
        engine.wake();
        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        Map<String, Object> scale = step(failed, "UpdateService");
        String error = (String) scale.get("error");
        assertThat(error).endsWith(" (gave up after 3 attempts)");
        assertThat(error.substring(0, error.length() - " (gave up after 3 attempts)".length())).isIn(TIMED_OUT);
        assertThat(scale).containsEntry("status", "FAILED").containsEntry("attempts", 3).containsEntry("sent", true)
                .containsEntry("dueAt", null).containsEntry("finishedAt", now.plusMillis(150).toString());
        assertThat(map(scale.get("replaced"))).as("kept though it failed: a lost answer may hide an applied change")
                .isEqualTo(Map.of("taskDefinition", "fam:5", "desiredCount", 4));
        assertThat(steps(failed)).extracting(s -> s.get("order") + " " + s.get("operation") + " " + s.get("status")
                + " " + s.get("attempts")).containsExactly("1 GetMetricStatistics SUCCEEDED 1",
                "2 FilterLogEvents SUCCEEDED 1", "3 POST SUCCEEDED 1", "4 DescribeServices SUCCEEDED 1",
                "5 UpdateService FAILED 3", "6 WaitUntilServicesStable CANCELLED 0", "7 VerifyFix CANCELLED 0");
        String failure = "step 5 (" + SCALE + ") failed: " + error;
        // nothing to undo: the cleared cache cannot be restored and the scaling never succeeded
        assertThat(failed).containsEntry("failure", failure).containsEntry("undoneBy", null);

        // on the wire: the service read before each attempt (the step's "before"), then the same UpdateService, the
        // SDK's two tries of each of the engine's three attempts, never a count recomputed from a new read
        assertThat(ecsCallsOf(service)).containsExactly("DescribeServices", "DescribeServices",
                "UpdateService", "UpdateService", "DescribeServices", "UpdateService", "UpdateService",
                "DescribeServices", "UpdateService", "UpdateService");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(JsonNode::toString).containsExactly(sent, sent, sent, sent, sent, sent);
        assertThat(ecsRequests(aws, "DescribeServices", body -> service.equals(body.path("services").path(0).asText())))
                .containsOnly(JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"services\":[\"" + service + "\"]}"));

        // audited attempt by attempt, each at the time the clock gave it: now, after 50 ms, after 150 ms
        List<Map<String, Object>> attempts = ((List<?>) failed.get("audit")).stream().map(a -> map(a))
                .filter(a -> Integer.valueOf(5).equals(a.get("stepOrder"))).toList();
        assertThat(attempts).extracting(a -> a.get("action") + " @" + a.get("recordedAt")).containsExactly(
                "step 5 ecs UpdateService attempt 1 @" + now,
                "step 5 ecs UpdateService attempt 2 @" + now.plusMillis(50),
                "step 5 ecs UpdateService attempt 3 @" + now.plusMillis(150));
        assertThat(attempts).extracting(a -> (String) a.get("outcome"))
                .allSatisfy(outcome -> assertThat(outcome.substring("FAILED: ".length())).isIn(TIMED_OUT))
                .allSatisfy(outcome -> assertThat(outcome).startsWith("FAILED: "));

        // announced: the four steps before it, its failure with its attempts, the remediation's failure
        RemediationStepFailed stepFailed = awaitEvents(topics, RemediationStepFailed.class, incident.incidentId())
                .get(0);
        assertThat(eventsOf(topics, RemediationStepFailed.class, incident.incidentId())).hasSize(1);
        assertThat(stepFailed.order()).isEqualTo(5);
        assertThat(stepFailed.name()).isEqualTo(SCALE);
        assertThat(stepFailed.operation()).isEqualTo("UpdateService");
        assertThat(stepFailed.attempts()).isEqualTo(3);
        assertThat(stepFailed.reason()).isEqualTo(error);
        assertThat(stepFailed.failedAt()).isEqualTo(now.plusMillis(150));
        assertThat(awaitEvents(topics, RemediationFailed.class, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(failure));
        assertThat(eventsOf(topics, RemediationStepSucceeded.class, incident.incidentId()))
                .extracting(e -> e.order() + " " + e.operation()).containsExactly("1 GetMetricStatistics",
                        "2 FilterLogEvents", "3 POST", "4 DescribeServices");
        assertThat(eventsOf(topics, RemediationSucceeded.class, incident.incidentId())).isEmpty();
        assertThat(eventsOf(topics, RemediationUndone.class, incident.incidentId())).isEmpty();
    }

    @Test
    void aScaleOutAppliedThoughItsAnswerWasLostIsTheStepsChangeAndUndoRestoresTheCountBeforeIt() {
        String service = unique("web");
        String alarm = unique("lost");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        clock.freezeAt(now);
        // ECS applies the UpdateService but its answer never comes in time: from then on the service has 6 tasks
        String scenario = "applied-but-lost-" + service;
        aws.stubFor(ecs("DescribeServices").atPriority(1)
                .withRequestBody(matchingJsonPath("$.services[0]", equalTo(service)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AwsStubs.ecsJson(AwsStubs.describeServices(service,
                        EcsState.stable("fam", 5, 4, now.minus(Duration.ofDays(1)))))));
        aws.stubFor(ecs("DescribeServices").atPriority(1)
                .withRequestBody(matchingJsonPath("$.services[0]", equalTo(service)))
                .inScenario(scenario).whenScenarioStateIs("applied")
                .willReturn(AwsStubs.ecsJson(AwsStubs.describeServices(service, EcsState.stable("fam", 5, 6, now)))));
        aws.stubFor(ecs("UpdateService").atPriority(2)
                .withRequestBody(matchingJsonPath("$.service", equalTo(service)))
                .inScenario(scenario).willSetStateTo("applied")
                .willReturn(AwsStubs.updated(service, EcsState.stable("fam", 5, 6, now)).withFixedDelay(3_000)));
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 35.0);
        IncidentOpened incident = opened("degradation", alarm, alarmOn(alarm, service, null));

        write(new TopicReader(kafka), incident);
        awaitRemediation(incident.incidentId(), r -> retrying(r, 1));
        clock.advance(Duration.ofMillis(50));
        engine.wake();

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        Map<String, Object> scale = step(done, "UpdateService");
        assertThat(scale).containsEntry("status", "SUCCEEDED").containsEntry("attempts", 2)
                .containsEntry("outcome", "applied by an earlier attempt: desired count 4 → 6");
        assertThat(map(scale.get("replaced"))).as("what the first attempt read, not the 6 the second one found")
                .isEqualTo(Map.of("taskDefinition", "fam:5", "desiredCount", 4));
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .as("not sent again: the SDK's two tries of the first attempt only").hasSize(2);

        aws.stubFor(ecs("UpdateService").atPriority(1)
                .withRequestBody(matchingJsonPath("$.service", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.desiredCount", equalTo("4")))
                .willReturn(AwsStubs.updated(service, EcsState.stable("fam", 5, 4, now))));
        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(202);

        Map<String, Object> undone = awaitById(done.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(undone).containsEntry("undoneBy", "admin");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(JsonNode::toString).last().isEqualTo("{\"cluster\":\"" + CLUSTER + "\",\"service\":\""
                        + service + "\",\"desiredCount\":4}");
    }

    @Test
    void aForcedDeploymentThatStartedThoughItsAnswerWasLostIsNotForcedAgain() {
        String cluster = unique("cluster");
        String agentService = "t-developer-parser-agent-production";
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        clock.freezeAt(now);
        // ECS starts the forced deployment, but the answer to UpdateService never comes in time
        String scenario = "forced-but-lost-" + cluster;
        ObjectNode before = AwsStubs.describeServices(agentService,
                EcsState.stable("parser", 3, 2, now.minus(Duration.ofDays(1))));
        ObjectNode after = AwsStubs.describeServices(agentService, EcsState.stable("parser", 3, 2, now));
        ((ObjectNode) after.get("services").get(0).get("deployments").get(0)).put("id", "ecs-svc/forced-1");
        aws.stubFor(ecs("DescribeServices").atPriority(1).withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(AwsStubs.ecsJson(before)));
        aws.stubFor(ecs("DescribeServices").atPriority(1).withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).whenScenarioStateIs("deploying").willReturn(AwsStubs.ecsJson(after)));
        aws.stubFor(ecs("UpdateService").atPriority(1).withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).willSetStateTo("deploying")
                .willReturn(AwsStubs.updated(agentService, EcsState.stable("parser", 3, 2, now)).withFixedDelay(3_000)));
        IncidentOpened incident = opened("agent-failure", "parser-agent-failing",
                Map.of("alarmName", "parser-agent-failing", "dimension.ClusterName", cluster));

        write(new TopicReader(kafka), incident);
        awaitRemediation(incident.incidentId(), r -> retrying(r, 1));
        clock.advance(Duration.ofMillis(50));
        engine.wake();

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        Map<String, Object> restart = step(done, "UpdateService");
        assertThat(restart).containsEntry("status", "SUCCEEDED").containsEntry("attempts", 2)
                .containsEntry("outcome", "applied by an earlier attempt: new deployment forced (deployment "
                        + "ecs-svc/forced-1)");
        assertThat(map(restart.get("replaced"))).containsEntry("deployment", "ecs-svc/3");
        assertThat(ecsRequests(aws, "UpdateService", body -> cluster.equals(body.path("cluster").asText())))
                .as("not forced again: the SDK's two tries of the first attempt only").hasSize(2);
    }

    /** Whether the remediation's scaling step waits for its next attempt after {@code attempts} attempts. */
    private static boolean retrying(Map<String, Object> remediation, int attempts) {
        Map<String, Object> scale = step(remediation, "UpdateService");
        return "RETRYING".equals(scale.get("status")) && Integer.valueOf(attempts).equals(scale.get("attempts"));
    }

    /** The ECS operations on the service, in the order they reached the stub. */
    private List<String> ecsCallsOf(String service) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", matching(ECS + ".*")))
                .stream().filter(r -> {
                    JsonNode body = AwsStubs.body(r);
                    return service.equals(body.path("service").asText())
                            || service.equals(body.path("services").path(0).asText());
                })
                .map(r -> r.getHeader("X-Amz-Target").substring(ECS.length())).toList();
    }
}
