package dev.autopilot.remediation.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.body;
import static dev.autopilot.remediation.AwsStubs.cpu;
import static dev.autopilot.remediation.AwsStubs.cpuAlarm;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.alarmOn;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.awaitRemediation;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.eventsOf;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Cbor;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The P1 playbook, live, against the real SDK clients and the AWS stub: the CPU maximum and the error logs of the
 * last hour as evidence, the application's cache cleared, two tasks added, then the wait and the verification; and
 * a verification that never sees every target healthy, which fails the remediation after undoing the scaling.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class DegradationPlaybookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_GROUP = "/ecs/t-developer-production";
    private static final String VERIFY = "Verify the fix: service stable, targets healthy, the alarm's metric back "
            + "under its threshold";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    RemediationEngine engine;

    /** Stubs of a test that must not outlive it (the target group is the configured one, shared by every test). */
    private final List<StubMapping> own = new ArrayList<>();

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @AfterEach
    void cleanUp() {
        own.forEach(aws::removeStub);
        own.clear();
        clock.unfreeze();
    }

    @Test
    void aDegradationReadsCpuAndErrorLogsThenClearsTheCacheAndAddsTwoTasks() throws Exception {
        String service = unique("web");
        String alarm = unique("slow");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        clock.freezeAt(now);
        ecsService(aws, service, EcsState.stable("fam", 5, 4, now.minus(Duration.ofDays(1))),
                EcsState.stable("fam", 5, 6, now));
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 35.0);
        Map<Instant, Double> maxima = new LinkedHashMap<>();
        maxima.put(now.minus(Duration.ofMinutes(15)), 88.0);
        maxima.put(now.minus(Duration.ofMinutes(10)), 97.5);
        maxima.put(now.minus(Duration.ofMinutes(5)), 91.25);
        cpuMaximum(service, maxima);
        IncidentOpened incident = p1Degradation(alarm, service);

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(done).containsEntry("mode", "LIVE").containsEntry("playbook", "degradation")
                .containsEntry("target", "ecs:" + CLUSTER + "/" + service);
        assertThat(steps(done)).extracting(s -> s.get("service") + " " + s.get("operation") + " " + s.get("status"))
                .containsExactly("cloudwatch GetMetricStatistics SUCCEEDED", "logs FilterLogEvents SUCCEEDED",
                        "http POST SUCCEEDED", "ecs DescribeServices SUCCEEDED", "ecs UpdateService SUCCEEDED",
                        "ecs WaitUntilServicesStable SUCCEEDED", "verification VerifyFix SUCCEEDED");

        // evidence 1: the CPU maximum of the last hour, in 5-minute periods (CBOR on the wire)
        List<JsonNode> cpuReads = cloudWatchRequests("GetMetricStatistics").stream()
                .filter(r -> "Maximum".equals(r.path("Statistics").path(0).asText()))
                .filter(r -> r.path("Dimensions").findValuesAsText("Value").contains(service)).toList();
        assertThat(cpuReads).singleElement().satisfies(request -> {
            assertThat(request.path("Namespace").asText()).isEqualTo("AWS/ECS");
            assertThat(request.path("MetricName").asText()).isEqualTo("CPUUtilization");
            assertThat(request.path("Dimensions")).isEqualTo(JSON.readTree("[{\"Name\":\"ClusterName\",\"Value\":\""
                    + CLUSTER + "\"},{\"Name\":\"ServiceName\",\"Value\":\"" + service + "\"}]"));
            assertThat(request.path("Period").asInt()).isEqualTo(300);
            assertThat(request.path("Statistics")).isEqualTo(JSON.readTree("[\"Maximum\"]"));
            assertThat(request.path("StartTime").asDouble())
                    .isEqualTo((double) now.minus(Duration.ofHours(1)).getEpochSecond());
            assertThat(request.path("EndTime").asDouble()).isEqualTo((double) now.getEpochSecond());
        });
        assertThat(step(done, "GetMetricStatistics"))
                .containsEntry("outcome", "3 datapoints of CPUUtilization Maximum, highest 97.5, last 91.25");

        // evidence 2: a sample of the last hour's error logs
        long endMillis = now.toEpochMilli();
        List<JsonNode> logReads = aws.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))).stream()
                .map(AwsStubs::body).filter(b -> b.path("endTime").asLong() == endMillis).toList();
        assertThat(logReads).containsExactly(JSON.readTree("{\"logGroupName\":\"" + LOG_GROUP + "\",\"startTime\":"
                + now.minus(Duration.ofHours(1)).toEpochMilli() + ",\"endTime\":" + endMillis
                + ",\"filterPattern\":\"ERROR\",\"limit\":50}"));
        Map<String, Object> logs = step(done, "FilterLogEvents");
        assertThat(logs).containsEntry("outcome", "1 log event matching ERROR");
        assertThat(map(logs.get("evidence"))).isEqualTo(Map.of("events", List.of(Map.of(
                "timestamp", "2023-11-14T22:13:20Z", "logStream", "ecs/web/abc",
                "message", "ERROR upstream timed out"))));

        // fix 1: the cache cleared by a POST to the configured admin endpoint, carrying the step's idempotency key
        String cacheUrl = aws.baseUrl() + "/admin/clear-cache";
        Map<String, Object> clearCache = step(done, "POST");
        String key = (String) clearCache.get("id");
        assertThat(clearCache).containsEntry("kind", "clear-cache").containsEntry("mode", "LIVE")
                .containsEntry("sent", true).containsEntry("attempts", 1)
                .containsEntry("outcome", "HTTP 204 from POST " + cacheUrl);
        assertThat(map(clearCache.get("request"))).isEqualTo(Map.of("method", "POST", "url", cacheUrl,
                "headers", Map.of("Idempotency-Key", key)));
        List<LoggedRequest> cachePosts = aws.findAll(postRequestedFor(urlEqualTo("/admin/clear-cache"))
                .withHeader("Idempotency-Key", equalTo(key)));
        assertThat(cachePosts).singleElement().satisfies(post -> assertThat(post.getBodyAsString()).isEmpty());

        // fix 2: two tasks added to the desired count it read (4 → 6), after the cache was cleared
        List<JsonNode> updates = ecsRequests(aws, "UpdateService", b -> service.equals(b.path("service").asText()));
        assertThat(updates).containsExactly(JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                + "\",\"desiredCount\":6}"));
        Map<String, Object> scale = step(done, "UpdateService");
        assertThat(scale).containsEntry("kind", "scale").containsEntry("sent", true).containsEntry("attempts", 1)
                .containsEntry("outcome", "desired count 4 → 6");
        assertThat(map(scale.get("parameters"))).containsEntry("desiredCount", "<desiredCount+2>");
        assertThat(map(scale.get("request"))).isEqualTo(Map.of("cluster", CLUSTER, "service", service,
                "desiredCount", 6));
        assertThat(map(scale.get("replaced"))).isEqualTo(Map.of("taskDefinition", "fam:5", "desiredCount", 4));
        List<LoggedRequest> all = aws.findAll(RequestPatternBuilder.allRequests());
        int cleared = indexOf(all, r -> key.equals(r.getHeader("Idempotency-Key")));
        int scaled = indexOf(all, r -> "AmazonEC2ContainerServiceV20141113.UpdateService".equals(
                r.getHeader("X-Amz-Target")) && service.equals(body(r).path("service").asText()));
        assertThat(cleared).isNotNegative().isLessThan(scaled);

        // then stable, and verified with fresh evidence
        String verified = "verified: service stable (1 deployment, running 6 of 6, rollout COMPLETED); "
                + "1 of 1 target healthy; CPUUtilization Average back to 35.00 (GreaterThanThreshold 70.00)";
        assertThat(step(done, "WaitUntilServicesStable"))
                .containsEntry("outcome", "stable: 1 deployment, running 6 of 6, rollout COMPLETED");
        assertThat(step(done, "VerifyFix")).containsEntry("outcome", verified);
        String summary = "HTTP 204 from POST " + cacheUrl + "; desired count 4 → 6; " + verified;
        assertThat(done).containsEntry("summary", summary);

        // announced
        TopicReader reader = new TopicReader(kafka);
        assertThat(awaitEvents(reader, RemediationSucceeded.class, incident.incidentId())).singleElement()
                .satisfies(succeeded -> {
                    assertThat(succeeded.remediationId()).isEqualTo(done.get("id"));
                    assertThat(succeeded.summary()).isEqualTo(summary);
                });
        assertThat(eventsOf(reader, RemediationStarted.class, incident.incidentId())).singleElement()
                .satisfies(started -> assertThat(started.mode()).isEqualTo(ExecutionMode.LIVE));
        assertThat(eventsOf(reader, RemediationStepSucceeded.class, incident.incidentId()))
                .extracting(e -> e.order() + " " + e.operation())
                .containsExactly("1 GetMetricStatistics", "2 FilterLogEvents", "3 POST", "4 DescribeServices",
                        "5 UpdateService", "6 WaitUntilServicesStable", "7 VerifyFix");
    }

    @Test
    void targetsThatStayUnhealthyFailTheVerificationAtItsDeadlineAndTheScalingIsUndone() throws Exception {
        String service = unique("web");
        String alarm = unique("slow");
        Instant longAgo = clock.instant().minus(Duration.ofDays(1));
        ecsService(aws, service, EcsState.stable("fam", 5, 4, longAgo), EcsState.stable("fam", 5, 6, longAgo));
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 35.0);
        unhealthyTargets();
        IncidentOpened incident = p1Degradation(alarm, service);
        TopicReader topics = new TopicReader(kafka);

        write(topics, incident);

        // the service is stable and the alarm's metric back, but one target of two stays unhealthy: it waits
        Map<String, Object> waiting = awaitRemediation(incident.incidentId(),
                r -> "WAITING".equals(step(r, "VerifyFix").get("status")));
        assertThat(waiting).containsEntry("status", "RUNNING");
        assertThat(step(waiting, "VerifyFix")).containsEntry("outcome", "not verified yet: 1 of 2 targets healthy");
        assertThat((List<?>) map(step(waiting, "VerifyFix").get("evidence")).get("targets"))
                .extracting(t -> map(t).get("id") + ":" + map(t).get("port") + " " + map(t).get("state") + " "
                        + map(t).get("reason"))
                .containsExactly("10.0.1.15:8080 healthy null", "10.0.1.16:8080 unhealthy Target.ResponseCodeMismatch");
        clock.advance(Duration.ofMinutes(11));
        engine.wake();

        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        String error = "not done within 10 minutes: not verified yet: 1 of 2 targets healthy";
        String failure = "step 7 (" + VERIFY + ") failed: " + error;
        Map<String, Object> verify = step(failed, "VerifyFix");
        assertThat(verify).containsEntry("status", "FAILED").containsEntry("error", error);
        assertThat((int) verify.get("attempts")).isGreaterThan(1);
        assertThat(failed).containsEntry("failure", failure).containsEntry("undoneBy", "remediation")
                .containsEntry("summary", "restored: desired count 6 → 4");
        assertThat(failed.get("undoneAt")).isNotNull();

        // the scaling is undone (the cleared cache has nothing to restore): one undo step, back to 4 tasks
        assertThat(steps(failed)).extracting(s -> s.get("order") + " " + s.get("phase") + " " + s.get("operation")
                + " " + s.get("status")).containsExactly("1 RUN GetMetricStatistics SUCCEEDED",
                "2 RUN FilterLogEvents SUCCEEDED", "3 RUN POST SUCCEEDED", "4 RUN DescribeServices SUCCEEDED",
                "5 RUN UpdateService SUCCEEDED", "6 RUN WaitUntilServicesStable SUCCEEDED",
                "7 RUN VerifyFix FAILED", "8 UNDO UpdateService SUCCEEDED");
        assertThat(steps(failed).get(7)).containsEntry("undoes", 5).containsEntry("outcome", "desired count 6 → 4");
        assertThat(ecsRequests(aws, "UpdateService", b -> service.equals(b.path("service").asText())))
                .containsExactly(
                        JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                                + "\",\"desiredCount\":6}"),
                        JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                                + "\",\"desiredCount\":4}"));

        // announced: the step's failure, the undo, the remediation's failure; no escalation (one failure of the
        // target, the circuit breaker stays closed), as the audit trail written with the failure shows
        RemediationStepFailed stepFailed = awaitEvents(topics, RemediationStepFailed.class, incident.incidentId())
                .get(0);
        assertThat(stepFailed.order()).isEqualTo(7);
        assertThat(stepFailed.operation()).isEqualTo("VerifyFix");
        assertThat(stepFailed.reason()).isEqualTo(error);
        assertThat(stepFailed.attempts()).isEqualTo((int) verify.get("attempts"));
        assertThat(awaitEvents(topics, RemediationUndone.class, incident.incidentId())).singleElement()
                .satisfies(undone -> {
                    assertThat(undone.undoneBy()).isEqualTo("remediation");
                    assertThat(undone.summary()).isEqualTo("restored: desired count 6 → 4");
                });
        assertThat(awaitEvents(topics, RemediationFailed.class, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(failure));
        assertThat(eventsOf(topics, RemediationSucceeded.class, incident.incidentId())).isEmpty();
        assertThat(eventsOf(topics, RemediationEscalated.class, incident.incidentId())).isEmpty();
        List<String> audit = ((List<?>) failed.get("audit")).stream().map(a -> (String) map(a).get("action")).toList();
        assertThat(audit).contains("undo requested", "undone", "failed")
                .doesNotContain("escalated", "circuit breaker opened");
        assertThat(audit.subList(audit.size() - 2, audit.size())).containsExactly("undone", "failed");
    }

    /** A P1 degradation from the alarm on the service, as the detector opens it. */
    private static IncidentOpened p1Degradation(String alarm, String service) {
        return new IncidentOpened(UUID.randomUUID().toString(), "fp-" + alarm, alarm, Severity.P1, "degradation",
                "t-developer-service-production", alarmOn(alarm, service, null), UUID.randomUUID().toString(),
                Instant.now());
    }

    /** GetMetricStatistics of the service's CPUUtilization Maximum answers these points. */
    private void cpuMaximum(String service, Map<Instant, Double> points) {
        aws.stubFor(Cbor.cloudWatch("GetMetricStatistics").atPriority(1)
                .andMatching(request -> {
                    JsonNode body = Cbor.read(request.getBody());
                    return MatchResult.of("CPUUtilization".equals(body.path("MetricName").asText())
                            && "Maximum".equals(body.path("Statistics").path(0).asText())
                            && body.path("Dimensions").findValuesAsText("Value").contains(service));
                })
                .willReturn(Cbor.ok(Cbor.metricStatistics("CPUUtilization", "Maximum", points, "Percent"))));
    }

    /** The configured target group: one target healthy, one failing its health checks, until the test ends. */
    private void unhealthyTargets() {
        String xml = "<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeTargetHealthResult><TargetHealthDescriptions>"
                + "<member><Target><Id>10.0.1.15</Id><Port>8080</Port></Target><HealthCheckPort>8080</HealthCheckPort>"
                + "<TargetHealth><State>healthy</State></TargetHealth></member>"
                + "<member><Target><Id>10.0.1.16</Id><Port>8080</Port></Target><HealthCheckPort>8080</HealthCheckPort>"
                + "<TargetHealth><State>unhealthy</State><Reason>Target.ResponseCodeMismatch</Reason>"
                + "<Description>Health checks failed with these codes: [502]</Description></TargetHealth></member>"
                + "</TargetHealthDescriptions></DescribeTargetHealthResult>"
                + "<ResponseMetadata><RequestId>stub-unhealthy</RequestId></ResponseMetadata>"
                + "</DescribeTargetHealthResponse>";
        own.add(aws.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml))));
    }

    /** The CloudWatch requests of an operation, decoded from CBOR, in the order they came. */
    private List<JsonNode> cloudWatchRequests(String operation) {
        return aws.findAll(postRequestedFor(urlPathEqualTo(
                        "/service/GraniteServiceVersion20100801/operation/" + operation)))
                .stream().map(r -> Cbor.read(r.getBody())).toList();
    }

    private static int indexOf(List<LoggedRequest> requests, java.util.function.Predicate<LoggedRequest> which) {
        for (int i = 0; i < requests.size(); i++) {
            if (which.test(requests.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
