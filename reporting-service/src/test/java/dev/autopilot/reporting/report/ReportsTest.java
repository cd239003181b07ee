package dev.autopilot.reporting.report;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.LinkedHashMap;
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

        String id = QuarkusTransaction.requiringNew().call(() -> reports.latest(ReportKind.DAILY, 100).stream()
                .filter(r -> r.periodStart().equals(period.start())).findFirst().orElseThrow().id());
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
        assertThat(query.at("/MetricDataQueries/0/MetricStat/Metric/MetricName").asText())
                .isEqualTo("PipelineExecutionTime");
        assertThat(query.at("/MetricDataQueries/0/MetricStat/Stat").asText()).isEqualTo("Average");
        assertThat(query.at("/MetricDataQueries/0/MetricStat/Period").asInt()).isEqualTo(86_400);
        assertThat(query.at("/MetricDataQueries/1/MetricStat/Metric/MetricName").asText()).isEqualTo("GenerationSuccess");
        assertThat(query.at("/MetricDataQueries/1/MetricStat/Stat").asText()).isEqualTo("Sum");
        assertThat(query.at("/MetricDataQueries/1/MetricStat/Period").asInt()).isEqualTo(86_400);
        assertThat(query.get("StartTime").asDouble()).as("2026-11-23 in Seoul")
                .isEqualTo(Instant.parse("2026-11-22T15:00:00Z").getEpochSecond());
        assertThat(query.get("EndTime").asDouble()).isEqualTo(Instant.parse("2026-11-29T15:00:00Z").getEpochSecond());
    }

    @Test
    void theMonthlyReportReadsScanFindingsRetentionCleanupCandidatesAndBackups() throws Exception {
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
        assertThat(report.getInt("sections[3].facts.backups")).as("the one of 2026-12-01 in Seoul left out")
                .isEqualTo(1);
        assertThat(report.getString("sections[3].facts.newest")).isEqualTo("manual-backup-20261124-020000");
        assertThat(report.getBoolean("sections[3].facts.newestAvailable")).isFalse();
        assertThat(report.getList("sections[3].rows")).containsExactly(List.of("manual-backup-20261124-020000",
                "2026-11-24T02:00:00Z", "CREATING", "0 B"));
        assertThat(report.getList("sections[3].lines", String.class)).containsExactly("1 backup(s) of "
                + "t-developer-metadata-production; the newest, manual-backup-20261124-020000, is CREATING (attention)");

        List<LoggedRequest> listBackups = aws.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("DynamoDB_20120810.ListBackups")));
        assertThat(listBackups).hasSize(1);
        JsonNode request = JSON.readTree(listBackups.get(0).getBodyAsString());
        assertThat(request.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("TableName", "TimeRangeLowerBound", "TimeRangeUpperBound");
        assertThat(request.get("TableName").asText()).isEqualTo("t-developer-metadata-production");
        assertThat(request.get("TimeRangeLowerBound").decimalValue()).as("2026-11-01 in Seoul")
                .isEqualByComparingTo(String.valueOf(Instant.parse("2026-10-31T15:00:00Z").getEpochSecond()));
        assertThat(request.get("TimeRangeUpperBound").decimalValue()).as("2026-12-01 in Seoul")
                .isEqualByComparingTo(String.valueOf(Instant.parse("2026-11-30T15:00:00Z").getEpochSecond()));
    }

    @Test
    void theDailyReportTellsTheStorageUsedAndTheTenMostFrequentErrorMessages() throws Exception {
        AwsStubs stubs = new AwsStubs(aws);
        stubs.ecs();
        stubs.alarms();
        stubs.bucket();
        stubs.metadataTable();
        // 12 distinct messages, 53 events: the two seen once fall below the top 10; ties go by the text
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ERROR zip corrupted", 1);
        counts.put("ERROR aborted by user", 1);
        counts.put("ERROR out of memory", 2);
        counts.put("ERROR disk full", 2);
        counts.put("ERROR invalid project spec", 3);
        counts.put("ERROR queue full", 4);
        counts.put("ERROR token expired", 5);
        counts.put("ERROR bedrock throttled", 5);
        counts.put("ERROR S3 upload failed", 6);
        counts.put("ERROR database connection refused", 7);
        counts.put("ERROR generation agent failed: Assembly", 8);
        counts.put("ERROR upstream timed out", 9);
        List<String> events = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            for (Map.Entry<String, Integer> message : counts.entrySet()) {
                if (message.getValue() > round) {
                    events.add(message.getKey());
                }
            }
        }
        assertThat(events).hasSize(53);
        stubs.errorLogs(events.subList(0, 27), events.subList(27, 53));
        Instant at = Instant.parse("2026-11-25T01:00:00Z");
        clock.set(at);

        String id = as("admin").post("/reports/daily/run").then().statusCode(201).extract().path("id");

        JsonPath report = as("viewer").get("/reports/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("title")).isEqualTo("Daily health check, 2026-11-24");
        assertThat(report.getList("gaps")).isEmpty();
        assertThat(report.getList("sections.source", String.class)).containsExactly("ecs:DescribeServices",
                "cloudwatch:DescribeAlarms", "logs:FilterLogEvents", "s3:ListObjectsV2", "dynamodb:Scan",
                "incidents", "slos");

        assertThat(report.getList("sections[2].rows")).containsExactly(
                List.of("9", "ERROR upstream timed out"),
                List.of("8", "ERROR generation agent failed: Assembly"),
                List.of("7", "ERROR database connection refused"),
                List.of("6", "ERROR S3 upload failed"),
                List.of("5", "ERROR bedrock throttled"),
                List.of("5", "ERROR token expired"),
                List.of("4", "ERROR queue full"),
                List.of("3", "ERROR invalid project spec"),
                List.of("2", "ERROR disk full"),
                List.of("2", "ERROR out of memory"));
        assertThat(report.getList("sections[2].facts.top.count", Integer.class))
                .containsExactly(9, 8, 7, 6, 5, 5, 4, 3, 2, 2);
        assertThat(report.getInt("sections[2].facts.events")).isEqualTo(53);
        assertThat(report.getInt("sections[2].facts.distinctMessages")).isEqualTo(12);
        assertThat(report.getBoolean("sections[2].facts.truncated")).isFalse();
        assertThat(report.getList("sections[2].lines", String.class))
                .containsExactly("53 ERROR event(s) in /ecs/t-developer-production, 12 distinct message(s)");
        List<LoggedRequest> filters = aws.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("Logs_20140328.FilterLogEvents")));
        assertThat(filters).hasSize(2);
        List<String> tokens = new ArrayList<>();
        for (LoggedRequest filter : filters) {
            JsonNode body = JSON.readTree(filter.getBodyAsString());
            assertThat(body.get("logGroupName").asText()).isEqualTo("/ecs/t-developer-production");
            assertThat(body.get("filterPattern").asText()).isEqualTo("ERROR");
            assertThat(body.get("startTime").asLong()).isEqualTo(at.minus(Duration.ofHours(24)).toEpochMilli());
            assertThat(body.get("endTime").asLong()).isEqualTo(at.toEpochMilli() - 1);
            tokens.add(body.path("nextToken").asText("none"));
        }
        assertThat(tokens).containsExactlyInAnyOrder("none", "page-2");

        // 1 MiB + 2 MiB + 512 B
        assertThat(report.getMap("sections[3].facts")).isEqualTo(Map.of("bucket", "t-developer-projects-production",
                "objects", 3, "bytes", 3_146_240, "truncated", false));
        assertThat(report.getList("sections[3].lines", String.class))
                .containsExactly("3 object(s), 3.0 MiB in t-developer-projects-production");
        List<LoggedRequest> listings = aws.findAll(getRequestedFor(urlPathEqualTo(AwsStubs.BUCKET)));
        assertThat(listings).hasSize(1);
        assertThat(listings.get(0).queryParameter("list-type").firstValue()).isEqualTo("2");

        as("viewer").accept("text/markdown").get("/reports/{id}", id).then().statusCode(200)
                .body(containsString("- Storage used: 3 object(s), 3.0 MiB in t-developer-projects-production"))
                .body(containsString("| 9 | ERROR upstream timed out |"))
                .body(containsString("| 2 | ERROR out of memory |\n\n"))
                .body(not(containsString("ERROR aborted by user")));
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
