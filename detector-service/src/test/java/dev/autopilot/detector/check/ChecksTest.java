package dev.autopilot.detector.check;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.detector.DetectorApi.awaitIncidentWithCondition;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.TestClockProducer;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Cbor;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The detector's own checks through the real AWS SDK clients against the AWS stand-in, and an HTTP probe. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class ChecksTest {

    private static final String ECS = "AmazonEC2ContainerServiceV20141113";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Test
    void noRunningTaskIsAnOutageAndARecentDeploymentIsRecordedAsEvidence() {
        double createdAt = TestClockProducer.CLOCK.instant().minus(Duration.ofMinutes(5)).getEpochSecond();
        String body = Payloads.awsResponse("AmazonEC2ContainerServiceV20141113.DescribeServices.response.json")
                .replace("\"runningCount\": 1", "\"runningCount\": 0").replace("1700000000.123", Double.toString(createdAt));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + ".DescribeServices"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));

        as("admin").post("/checks/ecs-service/run").then().statusCode(200)
                .body("samples", org.hamcrest.Matchers.equalTo(1));

        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + ".DescribeServices"))
                .withRequestBody(equalToJson("{\"cluster\":\"t-developer-cluster-production\","
                        + "\"services\":[\"t-developer-service-production\"]}")));
        Map<String, Object> incident = awaitIncidentWithCondition(
                "ECS t-developer-service-production: 0 of 2 tasks running");
        assertThat((List<Map<String, Object>>) incident.get("conditions"))
                .filteredOn(c -> "no-running-tasks".equals(c.get("rule"))).singleElement()
                .satisfies(c -> {
                    assertThat(c).containsEntry("severity", "P0");
                    assertThat((Map<String, Object>) c.get("labels")).containsEntry("recentDeployment", "true")
                            .containsEntry("desiredCount", "2");
                });
    }

    @Test
    void noHealthyTargetIsAnOutageWithItsReasons() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(Payloads.awsResponse("DescribeTargetHealth.response.xml"))));

        as("admin").post("/checks/target-health/run").then().statusCode(200);

        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTargetHealth"))
                .withRequestBody(containing("Version=2015-12-01"))
                .withRequestBody(containing("TargetGroupArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012"
                        + "%3Atargetgroup%2Ft-developer-tg%2F6d0ecf831eec9f09")));
        Map<String, Object> incident = awaitIncidentWithCondition(
                "target group of t-developer-service-production: 0 healthy targets");
        assertThat((List<Map<String, Object>>) incident.get("conditions"))
                .filteredOn(c -> "no-healthy-targets".equals(c.get("rule"))).singleElement()
                .satisfies(c -> assertThat((Map<String, Object>) c.get("labels"))
                        .containsEntry("reasons", "Target.ResponseCodeMismatch"));
    }

    @Test
    void theRunbooksMetricsComeFromOneGetMetricDataCallInCbor() {
        Instant now = TestClockProducer.CLOCK.instant();
        aws.stubFor(Cbor.cloudWatch("GetMetricData").willReturn(Cbor.ok(Cbor.metricData(List.of(
                new Cbor.MetricSeries("cpu", "CPUUtilization", List.of(now), List.of(85.0)),
                new Cbor.MetricSeries("memory", "MemoryUtilization", List.of(now), List.of(40.0)),
                new Cbor.MetricSeries("p95", "PipelineExecutionTime", List.of(now), List.of(70.0)),
                new Cbor.MetricSeries("errorRate", "ErrorRate", List.of(now), List.of(1.5)),
                new Cbor.MetricSeries("agent2", "AgentExecutionTime", List.of(now), List.of(12.5)),
                new Cbor.MetricSeries("agent3", "AgentExecutionTime", List.of(), List.of()))))));

        as("admin").post("/checks/cloudwatch-metric/run").then().statusCode(200)
                .body("samples", org.hamcrest.Matchers.equalTo(5));

        JsonNode request = Cbor.read(aws.findAll(postRequestedFor(WireMock.urlPathEqualTo(
                "/service/GraniteServiceVersion20100801/operation/GetMetricData"))).get(0).getBody());
        assertThat(request.at("/MetricDataQueries").findValuesAsText("Id"))
                .contains("cpu", "memory", "p95", "errors", "requests", "errorRate", "agent0", "agent8");
        assertThat(request.at("/MetricDataQueries/2/MetricStat/Stat").asText()).isEqualTo("p95");
        assertThat(request.at("/MetricDataQueries/5/Expression").asText()).isEqualTo("100 * FILL(errors, 0) / requests");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SignalReceived> samples = new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class).stream()
                    .filter(s -> "cloudwatch-metric".equals(s.labels().get("check"))).toList();
            assertThat(samples).anySatisfy(s -> {
                assertThat(s.labels()).containsEntry("metric", "PipelineExecutionTime").containsEntry("sli", "latency");
                assertThat(s.value()).isEqualTo(70.0);
            });
            assertThat(samples).anySatisfy(s -> {
                assertThat(s.labels()).containsEntry("metric", "ErrorRate").containsEntry("sli", "error-rate");
                assertThat(s.value()).isEqualTo(1.5);
            });
            assertThat(samples).anySatisfy(s -> {
                assertThat(s.labels()).containsEntry("metric", "AgentExecutionTime").containsEntry("agent", "parser");
                assertThat(s.value()).isEqualTo(12.5);
            });
        });
        Map<String, Object> incident = awaitIncidentWithCondition(
                "PipelineExecutionTime of t-developer-service-production: 70.0");
        assertThat((List<Map<String, Object>>) incident.get("conditions"))
                .anySatisfy(c -> assertThat(c).containsEntry("rule", "pipeline-p95-over-60s"));
    }

    @Test
    void authenticationFailuresInTheLogsAreASecurityIncident() {
        String events = "{\"events\":[" + String.join(",", java.util.Collections.nCopies(25,
                "{\"logStreamName\":\"ecs/app/1\",\"timestamp\":1700000000000,\"message\":\"WARN authentication failed for key\",\"ingestionTime\":1700000000500,\"eventId\":\"1\"}"))
                + "],\"searchedLogStreams\":[]}";
        String slow = "{\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1700000000000,\"message\":\"INFO agent=parser "
                + "execution_time=12.7 s\",\"ingestionTime\":1,\"eventId\":\"2\"},{\"logStreamName\":\"s\",\"timestamp\":1,"
                + "\"message\":\"INFO agent=search execution_time=3.1\",\"ingestionTime\":1,\"eventId\":\"3\"}],\"searchedLogStreams\":[]}";
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"events\":[],\"searchedLogStreams\":[]}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("\"authentication failed\"")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(events)));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("execution_time")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(slow)));

        as("admin").post("/checks/logs/run").then().statusCode(200);

        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.logGroupName", equalTo("/ecs/t-developer-production")))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("ERROR"))));
        Map<String, Object> security = awaitIncidentWithCondition(
                "/ecs/t-developer-production: 25 \"authentication failed\" lines");
        assertThat(security).containsEntry("type", "security");
        awaitIncidentWithCondition("parser: 1 executions over 10.0 s");
    }

    @Test
    void anErrorBurstOverPagesIsADegradationAndRateLimitHitsASecurityIncident() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(logEvents(0, "", null)));
        // 51 ERROR lines in two pages: over the runbook's 50 only when both pages are read
        aws.stubFor(post(urlEqualTo("/")).atPriority(5)
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("ERROR")))
                .willReturn(logEvents(30, "ERROR upstream timed out", "page-2")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("ERROR")))
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                .willReturn(logEvents(21, "ERROR upstream timed out", null)));
        aws.stubFor(post(urlEqualTo("/")).atPriority(5)
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("rate_limit_exceeded")))
                .willReturn(logEvents(101, "WARN rate_limit_exceeded key=k-17", null)));

        var errorReads = postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.filterPattern", equalTo("ERROR")));
        int before = aws.findAll(errorReads).size();

        as("admin").post("/checks/logs/run").then().statusCode(200);

        assertThat(aws.findAll(errorReads)).as("both pages read").hasSize(before + 2);
        Map<String, Object> burst = awaitIncidentWithCondition("/ecs/t-developer-production: 51 ERROR lines");
        assertThat(conditionTitled(burst, "/ecs/t-developer-production: 51 ERROR lines"))
                .containsEntry("severity", "P2");
        Map<String, Object> abuse = awaitIncidentWithCondition(
                "/ecs/t-developer-production: 101 rate_limit_exceeded lines");
        assertThat(abuse).containsEntry("type", "security");
        assertThat(conditionTitled(abuse, "/ecs/t-developer-production: 101 rate_limit_exceeded lines"))
                .containsEntry("severity", "P1");
    }

    private static Map<String, Object> conditionTitled(Map<String, Object> incident, String title) {
        return ((List<Map<String, Object>>) incident.get("conditions")).stream()
                .filter(c -> title.equals(c.get("title"))).findFirst().orElseThrow();
    }

    /** A FilterLogEvents answer of that many lines of the message, and the token of the next page, if any. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder logEvents(int count,
            String message, String nextToken) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            events.append(i == 0 ? "" : ",").append("{\"logStreamName\":\"ecs/app/").append(i)
                    .append("\",\"timestamp\":1700000000000,\"message\":\"").append(message)
                    .append("\",\"ingestionTime\":1700000000500,\"eventId\":\"").append(i).append("\"}");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"events\":[" + events + "],\"searchedLogStreams\":[]"
                        + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}");
    }

    @Test
    void aFailingProbeIsAnUnavailableSample() {
        aws.stubFor(WireMock.get(urlEqualTo("/probe/health")).willReturn(aResponse().withStatus(503)));

        as("admin").post("/checks/http-probe/run").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                        .filteredOn(s -> "http-probe".equals(s.labels().get("check")))
                        .anySatisfy(s -> {
                            assertThat(s.status()).isEqualTo(SignalStatus.FIRING);
                            assertThat(s.value()).isEqualTo(0.0);
                            assertThat(s.labels()).containsEntry("sli", "availability")
                                    .containsEntry("httpStatus", "503").containsKey("latencyMs");
                        }));
    }

    @Test
    void checksAreListedAndOnlyAdminsRunThem() {
        as("viewer").get("/checks").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems("ecs-service", "target-health", "cloudwatch-metric",
                        "logs", "http-probe"));
        as("viewer").post("/checks/logs/run").then().statusCode(403);
        as("admin").post("/checks/no-such-check/run").then().statusCode(404);
    }
}
