package dev.autopilot.reporting.report;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.reporting.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Cbor;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runbook's scheduled reports on a controlled clock, every AWS source stubbed, one failing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Inject
    ReportScheduler scheduler;

    @Inject
    ReportScheduleRepository schedules;

    @Inject
    ReportRepository reports;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theDailyReportRunsOnceAtItsTimeEvenWithTwoReplicasAndMarksTheSourceThatFailed() throws Exception {
        AwsStubs stubs = new AwsStubs(aws);
        stubs.ecs();
        stubs.alarms();
        stubs.logs();
        stubs.bucketMissing();
        stubs.metadataTable();
        Instant due = QuarkusTransaction.requiringNew().call(() -> schedules.findById("daily").nextRunAt());
        assertThat(due.atZone(SEOUL).toLocalTime()).hasToString("09:00");
        ReportKind.Period period = ReportKind.DAILY.period(due, SEOUL);

        clock.set(due.minusSeconds(1));
        assertThat(scheduler.runDue()).as("not due a second early").isFalse();
        clock.set(due.plusSeconds(3));
        List<Boolean> ran = inParallel(scheduler::runDue, scheduler::runDue);

        assertThat(ran).contains(true);
        assertThat(QuarkusTransaction.requiringNew().call(() -> reports.count(ReportKind.DAILY, period.start())))
                .as("one daily report for the period, whichever replica ran it").isEqualTo(1);
        assertThat(scheduler.runDue()).as("nothing more due").isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> schedules.findById("daily").nextRunAt()))
                .isEqualTo(due.plus(Duration.ofDays(1)));

        String id = QuarkusTransaction.requiringNew().call(() -> reports.latest(ReportKind.DAILY, 1).get(0).id());
        JsonPath report = as("viewer").get("/reports/{id}", id).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(report.getString("kind")).isEqualTo("daily");
        assertThat(report.getString("trigger")).isEqualTo("schedule");
        assertThat(report.getString("periodStart")).isEqualTo(period.start().toString());
        assertThat(report.getList("gaps", String.class)).singleElement().asString()
                .startsWith("s3:ListObjectsV2: ").contains("NoSuchBucket").doesNotContain("AKID");
        assertThat(report.getList("sections.source", String.class)).containsExactly("ecs:DescribeServices",
                "cloudwatch:DescribeAlarms", "logs:FilterLogEvents", "s3:ListObjectsV2", "dynamodb:Scan",
                "incidents", "slos");
        Map<String, Object> ecs = report.getMap("sections[0].facts");
        assertThat(ecs).containsEntry("status", "ACTIVE").containsEntry("runningCount", 1)
                .containsEntry("desiredCount", 2).containsEntry("healthy", false);
        assertThat(report.getList("sections[1].facts.inAlarm", String.class)).containsExactly("t-developer-5xx-high");
        assertThat(report.getList("sections[2].rows")).containsExactly(List.of("2", "ERROR upstream timed out"),
                List.of("1", "ERROR generation agent failed: Assembly"));
        assertThat(report.getString("sections[3].gap")).contains("NoSuchBucket");
        assertThat(report.getInt("sections[4].facts.projects")).isEqualTo(42);

        JsonNode scan = JSON.readTree(aws.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("DynamoDB_20120810.Scan"))).get(0).getBodyAsString());
        assertThat(scan.at("/ExpressionAttributeValues/:start/S").asText()).isEqualTo(
                LocalDate.ofInstant(period.start(), SEOUL).toString());
        JsonNode filter = JSON.readTree(aws.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("Logs_20140328.FilterLogEvents"))).get(0).getBodyAsString());
        assertThat(filter.get("startTime").asLong()).isEqualTo(due.minus(Duration.ofHours(24)).toEpochMilli());
        assertThat(filter.get("filterPattern").asText()).isEqualTo("ERROR");

        as("viewer").accept("text/markdown").get("/reports/{id}", id).then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("> **Gap**: `s3:ListObjectsV2` could not be read"))
                .body(containsString("| 2 | ERROR upstream timed out |"));
        as("viewer").get("/reports/{id}.html", id).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("class=\"gap\""))
                .body(containsString("t-developer-5xx-high"));
        as("viewer").get("/reports").then().statusCode(200).body("id", hasItem(id));

        ReportPublished published = await().atMost(Duration.ofSeconds(20)).until(() -> new TopicReader(kafka)
                .events(Topics.REPORTS, ReportPublished.class).stream().filter(e -> e.reportId().equals(id))
                .findFirst().orElse(null), e -> e != null);
        assertThat(published.kind()).isEqualTo("daily");
        assertThat(published.gaps()).hasSize(1);
        assertThat(published.url()).endsWith("/reports/" + id + ".html");
        assertThat(published.periodStart()).isEqualTo(period.start());
        assertThat(published.summary()).contains("Gaps (1): s3:ListObjectsV2");
    }

    @Test
    void theWeeklyReportReadsThePipelineMetricsAndTheUsers() {
        AwsStubs stubs = new AwsStubs(aws);
        stubs.pipelineMetrics(List.of(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")));
        stubs.metadataTable();
        clock.set(Instant.parse("2026-11-30T00:00:05Z"));

        String id = as("admin").post("/reports/weekly/run").then().statusCode(201)
                .header("Location", containsString("/reports/")).body("trigger", equalTo("manual"))
                .extract().path("id");

        JsonPath report = as("viewer").get("/reports/{id}.json", id).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("title")).isEqualTo("Weekly report, 2026-11-23 to 2026-11-29");
        assertThat(report.getList("gaps")).isEmpty();
        assertThat(report.getList("sections[0].rows")).containsExactly(List.of("2026-11-23", "31.5 s", "120"),
                List.of("2026-11-24", "38.5 s", "80"));
        assertThat(report.getDouble("sections[0].facts.generationSuccessTotal")).isEqualTo(200.0);
        assertThat(report.getInt("sections[1].facts.distinctUsers")).isEqualTo(2);
        assertThat(report.getList("sections.source", String.class)).containsExactly("cloudwatch:GetMetricData",
                "dynamodb:Scan", "incidents", "slos", "scaling");
        JsonNode query = Cbor.read(aws.findAll(postRequestedFor(urlPathEqualTo(
                "/service/GraniteServiceVersion20100801/operation/GetMetricData"))).get(0).getBody());
        assertThat(query.at("/MetricDataQueries/0/MetricStat/Metric/Namespace").asText()).isEqualTo("T-Developer/Pipeline");
        assertThat(query.at("/MetricDataQueries/1/MetricStat/Stat").asText()).isEqualTo("Sum");
    }

    @Test
    void theMonthlyReportReadsScanFindingsRetentionCleanupCandidatesAndBackups() {
        AwsStubs stubs = new AwsStubs(aws);
        stubs.images();
        stubs.logs();
        stubs.bucket();
        stubs.metadataTable();
        clock.set(Instant.parse("2026-12-07T00:00:05Z"));

        String id = as("admin").post("/reports/monthly/run").then().statusCode(201).extract().path("id");

        JsonPath report = as("viewer").get("/reports/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("title")).isEqualTo("Monthly maintenance report, 2026-11-01 to 2026-11-30");
        assertThat(report.getList("gaps")).isEmpty();
        assertThat(report.getString("sections[0].facts.image")).isEqualTo("1.4.2");
        assertThat(report.getMap("sections[0].facts.findings")).isEqualTo(Map.of("CRITICAL", 1, "HIGH", 3, "LOW", 2));
        assertThat(report.getList("sections[1].facts.withoutRetention", String.class))
                .containsExactly("/aws/lambda/t-developer-cleanup", "/ecs/t-developer-staging");
        assertThat(report.getInt("sections[2].facts.objects")).isEqualTo(2);
        assertThat(report.getLong("sections[2].facts.bytes")).isEqualTo(3145728L);
        assertThat(report.getInt("sections[3].facts.backups")).isEqualTo(2);
        assertThat(report.getString("sections[3].facts.newest")).isEqualTo("manual-backup-20261124-020000");
        assertThat(report.getBoolean("sections[3].facts.newestAvailable")).isFalse();
    }

    @Test
    void onlyAnAdminRunsAReportAndOnlyKnownKinds() {
        as("viewer").post("/reports/daily/run").then().statusCode(403);
        as("admin").post("/reports/hourly/run").then().statusCode(400).body("errors.field", hasItem("kind"));
        as("viewer").get("/reports/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @SafeVarargs
    private static <T> List<T> inParallel(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
