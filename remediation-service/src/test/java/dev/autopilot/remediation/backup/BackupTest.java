package dev.autopilot.remediation.backup;

import static dev.autopilot.remediation.AwsStubs.METADATA_TABLE;
import static dev.autopilot.remediation.AwsStubs.dynamoDbRequests;
import static dev.autopilot.remediation.AwsStubs.listBackups;
import static dev.autopilot.remediation.RemediationApi.remediation;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.RemediationApi;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily backup: its schedule is a row; when due, the backup playbook runs and the schedule moves a day on. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class BackupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    BackupScheduler scheduler;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
        listBackups(aws, METADATA_TABLE);
    }

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void theDailyBackupRunsWhenDueWithTheRunbooksNameAndTheScheduleMovesADayOn() throws Exception {
        Map<String, Object> before = backups();
        assertThat(before).containsEntry("table", METADATA_TABLE).containsEntry("dailyAt", "03:00");
        Instant due = Instant.parse((String) before.get("nextRunAt"));
        assertThat(due.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        Instant at = due.plusSeconds(5);

        clock.freezeAt(at);
        scheduler.wake();

        Map<String, Object> done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> as("viewer").queryParam("target", "dynamodb:" + METADATA_TABLE)
                                .queryParam("from", due.toString()).get("/remediations").then().statusCode(200)
                                .extract().jsonPath().getList("$", Map.class).stream()
                                .map(r -> remediation(r.get("id"))).findFirst().orElse(null),
                        r -> r != null && "SUCCEEDED".equals(r.get("status")));
        assertThat(done).containsEntry("playbook", "backup").containsEntry("requestedBy", "schedule")
                .containsEntry("incidentId", null);
        String name = "manual-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(at)
                + "-030005";
        assertThat(dynamoDbRequests(aws, "CreateBackup")).contains(JSON.readTree(
                "{\"TableName\":\"" + METADATA_TABLE + "\",\"BackupName\":\"" + name + "\"}"));
        assertThat(RemediationApi.map(steps(done).get(1).get("evidence")).get("backups")).asList().hasSize(1);

        Map<String, Object> after = backups();
        assertThat(Instant.parse((String) after.get("nextRunAt"))).isEqualTo(due.plus(Duration.ofDays(1)));
        assertThat(Instant.parse((String) after.get("lastRunAt"))).isEqualTo(at);
        assertThat((List<?>) after.get("backups")).singleElement()
                .satisfies(b -> assertThat(RemediationApi.map(b)).containsEntry("backupName", "orders-pre-remediation")
                        .containsEntry("status", "AVAILABLE"));
    }

    private static Map<String, Object> backups() {
        return as("viewer").get("/backups").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
