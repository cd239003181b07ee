package dev.autopilot.reporting.report;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.TestClock;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import dev.autopilot.reporting.timeline.TimelineEntryRepository;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Cbor;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the weekly report says, section by section: the pipeline's days from CloudWatch, the week's distinct users
 * from DynamoDB, the week's incidents with MTTA and MTTR, where the SLOs stand, and the scaling recommendations.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class WeeklyReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Monday 2035-06-11, 09:00:05 in Seoul: no other test has data within 28 days of it. */
    private static final Instant RUN = Instant.parse("2035-06-11T00:00:05Z");
    /** The week it covers: 2035-06-04 to 2035-06-10 in Seoul, [start, end). */
    private static final Instant START = Instant.parse("2035-06-03T15:00:00Z");
    private static final Instant END = Instant.parse("2035-06-10T15:00:00Z");
    private static final String SERVICE = "t-developer-service-production";

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Inject
    SignalSampleRepository samples;

    @Inject
    TimelineEntryRepository timeline;

    @Inject
    ReportRepository reports;

    /** The report this test ran; dated in 2035, it would be every later test's newest weekly report. */
    private String reportId;

    @AfterEach
    void realTimeAndNoFutureReport() {
        clock.reset();
        if (reportId != null) {
            QuarkusTransaction.requiringNew().run(() -> reports.deleteById(UUID.fromString(reportId)));
        }
    }

    @Test
    void theWeeklyReportTellsThePipelinesDaysTheUsersTheIncidentsTheSlosAndTheScaling() throws Exception {
        AwsStubs stubs = new AwsStubs(aws);
        // CloudWatch answers newest first; each daily point is stamped at the start of its day in Seoul (15:00 UTC
        // the day before). No GenerationSuccess point on 2035-06-09: nothing succeeded that day. The results come
        // in the other order than asked: they are told apart by their ids.
        List<Instant> days = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            days.add(START.plus(Duration.ofDays(i)));
        }
        List<Instant> daysWithSuccess = new ArrayList<>(days);
        daysWithSuccess.remove(START.plus(Duration.ofDays(5)));
        stubs.metricData(List.of(
                new Cbor.MetricSeries("success", "GenerationSuccess", daysWithSuccess,
                        List.of(100.0, 60.0, 110.0, 95.0, 80.0, 120.0)),
                new Cbor.MetricSeries("time", "PipelineExecutionTime", days,
                        List.of(30.5, 42.0, 35.5, 29.0, 40.0, 38.5, 31.5))));
        // 5 projects by 3 users, over two pages
        stubs.usersInTwoPages(List.of("u-1", "u-2", "u-1"), List.of("u-3", "u-2"));

        EventFeed feed = new EventFeed(kafka);
        String suffix = " " + UUID.randomUUID();
        // counted: opened at the very start of the week, acknowledged after 60 s, resolved after 20 min
        String first = incident(feed, "api-5xx" + suffix, Severity.P1, START, 60L, "responder", 1_200L);
        // counted: acknowledged after 3 min, resolved by the detector after 100 min
        String second = incident(feed, "alb-unhealthy" + suffix, Severity.P0, Instant.parse("2035-06-06T02:00:00Z"),
                180L, "detector", 6_000L);
        // counted: still open, nobody acknowledged it
        String open = incident(feed, "queue-backlog" + suffix, Severity.P2, Instant.parse("2035-06-09T10:00:00Z"),
                null, null, null);
        // not counted: opened a second before the week (its fast acknowledgement would lower the MTTA), and at its end
        String before = incident(feed, "before" + suffix, Severity.P3, START.minusSeconds(1), 1L, "responder", 2L);
        String after = incident(feed, "after" + suffix, Severity.P3, END, 1L, "responder", 2L);

        // error rate: two 1 % samples this week (99 %, half the 2 % budget left), two 5 % ones 10 and 12 days ago
        // (28 days: 97 %, budget overspent by half); availability: four good probes; latency: no sample at all
        List<SignalReceived> checks = new ArrayList<>();
        checks.add(check("error-rate", RUN.minus(Duration.ofDays(1)), 1.0));
        checks.add(check("error-rate", RUN.minus(Duration.ofDays(2)), 1.0));
        checks.add(check("error-rate", RUN.minus(Duration.ofDays(10)), 5.0));
        checks.add(check("error-rate", RUN.minus(Duration.ofDays(12)), 5.0));
        for (int i = 1; i <= 4; i++) {
            checks.add(check("availability", RUN.minus(Duration.ofHours(i)), 1));
        }
        checks.forEach(feed::publish);

        // one scaling recommendation in the week, one at its end (the next week's)
        feed.publish(scaling(Instant.parse("2035-06-05T03:00:00Z")));
        feed.publish(scaling(END));

        for (String id : List.of(first, second, before, after)) {
            awaitIncident(id, i -> "RESOLVED".equals(i.get("status")));
        }
        awaitIncident(open, i -> true);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                checks.stream().allMatch(c -> samples.findBySignalId(c.signalId()).isPresent())
                        && timeline.aboutNoIncident(START, END.plusSeconds(1)).size() == 2));
        clock.set(RUN);

        String id = as("admin").post("/reports/weekly/run").then().statusCode(201).extract().path("id");
        reportId = id;

        JsonPath report = as("viewer").get("/reports/{id}.json", id).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("title")).isEqualTo("Weekly report, 2035-06-04 to 2035-06-10");
        assertThat(report.getString("periodStart")).isEqualTo(START.toString());
        assertThat(report.getString("periodEnd")).isEqualTo(END.toString());
        assertThat(report.getList("gaps")).isEmpty();
        assertThat(report.getList("sections.source", String.class)).containsExactly("cloudwatch:GetMetricData",
                "dynamodb:Scan", "incidents", "slos", "scaling");

        // the pipeline, day by day in Seoul, oldest first
        assertThat(report.getList("sections[0].rows")).containsExactly(
                List.of("2035-06-04", "31.5 s", "120"),
                List.of("2035-06-05", "38.5 s", "80"),
                List.of("2035-06-06", "40.0 s", "95"),
                List.of("2035-06-07", "29.0 s", "110"),
                List.of("2035-06-08", "35.5 s", "60"),
                List.of("2035-06-09", "42.0 s", "-"),
                List.of("2035-06-10", "30.5 s", "100"));
        assertThat(report.getInt("sections[0].facts.days")).isEqualTo(7);
        assertThat(report.getDouble("sections[0].facts.generationSuccessTotal")).isEqualTo(565.0);
        assertThat(report.getDouble("sections[0].facts.averageExecutionSeconds")).isCloseTo(247.0 / 7, within(1e-4));
        assertThat(report.getList("sections[0].lines", String.class))
                .containsExactly("565 successful generations; pipeline time averaged 35.3 s over 7 day(s)");

        // the week's users, across both pages of the scan
        assertThat(report.getMap("sections[1].facts")).isEqualTo(Map.of("distinctUsers", 3, "projects", 5,
                "truncated", false));
        assertThat(report.getList("sections[1].lines", String.class))
                .containsExactly("3 distinct user(s) created 5 project(s)");
        List<LoggedRequest> scans = aws.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("DynamoDB_20120810.Scan")));
        assertThat(scans).hasSize(2);
        for (LoggedRequest scan : scans) {
            JsonNode body = JSON.readTree(scan.getBodyAsString());
            assertThat(body.get("TableName").asText()).isEqualTo("t-developer-metadata-production");
            assertThat(body.get("FilterExpression").asText()).isEqualTo("created_at >= :start AND created_at < :end");
            assertThat(body.at("/ExpressionAttributeValues/:start/S").asText()).isEqualTo("2035-06-04");
            assertThat(body.at("/ExpressionAttributeValues/:end/S").asText()).isEqualTo("2035-06-11");
        }

        // the incidents opened in the week: MTTA (60 s + 180 s) / 2, MTTR (20 min + 100 min) / 2
        assertThat(report.getList("sections[2].rows")).containsExactly(
                List.of("P1", "api-5xx" + suffix, "RESOLVED", "2035-06-03T15:00:00Z", "60 s", "20 min", "responder"),
                List.of("P0", "alb-unhealthy" + suffix, "RESOLVED", "2035-06-06T02:00:00Z", "3 min", "100 min",
                        "detector"),
                List.of("P2", "queue-backlog" + suffix, "OPEN", "2035-06-09T10:00:00Z", "-", "-", "-"));
        Map<String, Object> incidents = report.getMap("sections[2].facts");
        assertThat(incidents).containsEntry("incidents", 3).containsEntry("acknowledged", 2)
                .containsEntry("resolved", 2).containsEntry("resolvedByAutomation", 0).containsEntry("rollbacks", 0)
                .containsEntry("remediationSuccessRate", null);
        assertThat(report.getDouble("sections[2].facts.mttaSeconds")).isEqualTo(120.0);
        assertThat(report.getDouble("sections[2].facts.mttrSeconds")).isEqualTo(3_600.0);
        assertThat(report.getList("sections[2].lines", String.class)).containsExactly(
                "3 incident(s), 2 resolved; MTTA 2 min, MTTR 60 min",
                "0 resolved by automation alone; 0 rollback(s)");

        // the SLOs as they stood when the report ran
        assertThat(report.getList("sections[3].rows")).containsExactly(
                List.of("availability", "99.50 %", "7d", "100.00 %", "100.00 %", "met"),
                List.of("availability", "99.50 %", "28d", "100.00 %", "100.00 %", "met"),
                List.of("error-rate", "98.00 %", "7d", "99.00 %", "50.00 %", "met"),
                List.of("error-rate", "98.00 %", "28d", "97.00 %", "-50.00 %", "missed"),
                List.of("pipeline-latency", "99.00 %", "7d", "-", "-", "no data"),
                List.of("pipeline-latency", "99.00 %", "28d", "-", "-", "no data"));
        assertThat(report.getList("sections[3].lines", String.class)).containsExactly("missed: error-rate (28d)");
        assertThat(report.<Number>get("sections[3].facts.'error-rate'.'7d'.budgetRemaining").doubleValue())
                .isCloseTo(50, within(1e-4));
        assertThat(report.<Number>get("sections[3].facts.'error-rate'.'28d'.attainment").doubleValue())
                .isCloseTo(97, within(1e-4));
        assertThat(report.getMap("sections[3].facts.'pipeline-latency'.'7d'")).as("no data: null, not a number")
                .containsEntry("attainment", null).containsEntry("budgetRemaining", null);

        // the scaling recommendations of the week
        assertThat(report.getList("sections[4].rows")).containsExactly(List.of("2035-06-05T03:00:00Z",
                "Scale " + SERVICE + " out: CPU above 70 % for 2 minutes"));
        assertThat(report.getInt("sections[4].facts.recommendations")).isEqualTo(1);

        assertThat(report.getList("summary", String.class)).containsExactly(
                "Pipeline by day: 565 successful generations; pipeline time averaged 35.3 s over 7 day(s)",
                "Users: 3 distinct user(s) created 5 project(s)",
                "Incidents: 3 incident(s), 2 resolved; MTTA 2 min, MTTR 60 min",
                "Service levels: missed: error-rate (28d)",
                "Scaling recommendations: 1 recommendation(s)");

        String markdown = as("viewer").accept("text/markdown").get("/reports/{id}", id).then().statusCode(200)
                .extract().asString();
        assertThat(markdown).contains("## Pipeline by day\n\n"
                + "- 565 successful generations; pipeline time averaged 35.3 s over 7 day(s)\n\n"
                + "| day | average PipelineExecutionTime | GenerationSuccess |\n"
                + "|---|---|---|\n"
                + "| 2035-06-04 | 31.5 s | 120 |\n"
                + "| 2035-06-05 | 38.5 s | 80 |\n"
                + "| 2035-06-06 | 40.0 s | 95 |\n"
                + "| 2035-06-07 | 29.0 s | 110 |\n"
                + "| 2035-06-08 | 35.5 s | 60 |\n"
                + "| 2035-06-09 | 42.0 s | - |\n"
                + "| 2035-06-10 | 30.5 s | 100 |\n\n"
                + "## Users\n\n"
                + "- 3 distinct user(s) created 5 project(s)\n\n"
                + "## Incidents\n\n"
                + "- 3 incident(s), 2 resolved; MTTA 2 min, MTTR 60 min\n"
                + "- 0 resolved by automation alone; 0 rollback(s)\n\n"
                + "| severity | title | status | opened | to acknowledge | to resolve | resolved by |\n"
                + "|---|---|---|---|---|---|---|\n"
                + "| P1 | api-5xx" + suffix + " | RESOLVED | 2035-06-03T15:00:00Z | 60 s | 20 min | responder |\n"
                + "| P0 | alb-unhealthy" + suffix
                + " | RESOLVED | 2035-06-06T02:00:00Z | 3 min | 100 min | detector |\n"
                + "| P2 | queue-backlog" + suffix + " | OPEN | 2035-06-09T10:00:00Z | - | - | - |\n\n"
                + "## Service levels\n\n"
                + "- missed: error-rate (28d)\n\n"
                + "| objective | target | window | attainment | budget left |  |\n"
                + "|---|---|---|---|---|---|\n"
                + "| availability | 99.50 % | 7d | 100.00 % | 100.00 % | met |\n")
                .contains("| error-rate | 98.00 % | 28d | 97.00 % | -50.00 % | missed |\n")
                .doesNotContain("before" + suffix).doesNotContain("after" + suffix);
    }

    /** Publishes an incident's events: opened, then (when given) acknowledged and resolved so many seconds later. */
    private static String incident(EventFeed feed, String title, Severity severity, Instant openedAt,
            Long acknowledgedAfter, String resolvedBy, Long resolvedAfter) {
        String id = UUID.randomUUID().toString();
        feed.publish(new IncidentOpened(id, "cloudwatch:" + title, title, severity, "outage", SERVICE,
                Map.of("alarmName", title), UUID.randomUUID().toString(), openedAt));
        if (acknowledgedAfter != null) {
            feed.publish(new IncidentAcknowledged(id, "responder", "on it", openedAt.plusSeconds(acknowledgedAfter)));
        }
        if (resolvedAfter != null) {
            feed.publish(new IncidentResolved(id, resolvedBy, "cleared", openedAt.plusSeconds(resolvedAfter)));
        }
        return id;
    }

    private static ScalingRecommended scaling(Instant at) {
        return new ScalingRecommended(UUID.randomUUID().toString(), SERVICE, "t-developer-cluster-production",
                ScalingDirection.OUT, "AWS/ECS CPUUtilization", 82.0, 70.0, 120, "CPU above 70 % for 2 minutes", at);
    }

    private static SignalReceived check(String sli, Instant at, double value) {
        Map<String, String> labels = new HashMap<>();
        labels.put("sli", sli);
        labels.put("check", "availability".equals(sli) ? "http-probe" : "cloudwatch-metric");
        if (!"availability".equals(sli)) {
            labels.put("periodSeconds", "300");
        }
        return new SignalReceived(UUID.randomUUID().toString(), "check:" + sli, "check", null,
                SignalStatus.RESOLVED, sli, null, labels, value, null, at, at);
    }
}
