package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.AwsStubs.ALERTS_TOPIC;
import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.METADATA_TABLE;
import static dev.autopilot.remediation.AwsStubs.activeRevisions;
import static dev.autopilot.remediation.AwsStubs.cpu;
import static dev.autopilot.remediation.AwsStubs.cpuAlarm;
import static dev.autopilot.remediation.AwsStubs.dynamoDbRequests;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.AwsStubs.ecsServiceNow;
import static dev.autopilot.remediation.AwsStubs.publishes;
import static dev.autopilot.remediation.AwsStubs.requestCounts;
import static dev.autopilot.remediation.RemediationApi.alarmOn;
import static dev.autopilot.remediation.RemediationApi.awaitById;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.awaitRemediation;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.eventsOf;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.remediationsOf;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The P0 playbook against the real SDK clients and the AWS stub: the emergency rollback, done right. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class OutagePlaybookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aRecentDeploymentIsRolledBackToTheNewestActiveRevisionBelowItAfterABackup() throws Exception {
        String service = unique("web");
        String family = unique("fam");
        String alarm = unique("cpu-high");
        String loadBalancer = "app/" + unique("alb") + "/1";
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        clock.freezeAt(now);
        ecsService(aws, service, EcsState.stable(family, 42, 2, now.minus(Duration.ofMinutes(10))).failing(),
                EcsState.stable(family, 40, 2, now));
        activeRevisions(aws, family, 42, 40, 39);
        requestCounts(aws, loadBalancer, 100, 110, 105);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 35.0);
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = opened("outage", alarm, alarmOn(alarm, service, loadBalancer));

        write(topics, incident);

        Map<String, Object> remediation = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(remediation).containsEntry("mode", "LIVE").containsEntry("playbook", "outage")
                .containsEntry("target", "ecs:" + CLUSTER + "/" + service);
        assertThat(steps(remediation)).extracting(s -> s.get("operation") + " " + s.get("status")).containsExactly(
                "DescribeServices SUCCEEDED", "DescribeTargetHealth SUCCEEDED", "GetMetricStatistics SUCCEEDED",
                "ListTaskDefinitions SUCCEEDED", "DescribeTaskDefinition SUCCEEDED", "CreateBackup SUCCEEDED",
                "UpdateService SUCCEEDED", "Publish SUCCEEDED", "UpdateService SKIPPED",
                "WaitUntilServicesStable SUCCEEDED", "VerifyFix SUCCEEDED");

        // revision 41 was deregistered: N-1 is the newest ACTIVE revision below 42, of this family only
        List<JsonNode> updates = ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()));
        assertThat(updates).containsExactly(JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                + "\",\"taskDefinition\":\"" + family + ":40\"}"));
        assertThat(step(remediation, "ListTaskDefinitions").get("outcome"))
                .isEqualTo("revision N-1 of " + family + ":42 is " + family + ":40 (revision 41 is not active)");
        assertThat(ecsRequests(aws, "ListTaskDefinitions", body -> family.equals(body.path("familyPrefix").asText())))
                .containsExactly(JSON.readTree("{\"familyPrefix\":\"" + family + "\",\"status\":\"ACTIVE\",\"sort\":\"DESC\"}"));

        // the backup comes first, named as the runbook names it, at the time it ran
        String backupName = "manual-backup-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        assertThat(dynamoDbRequests(aws, "CreateBackup"))
                .contains(JSON.readTree("{\"TableName\":\"" + METADATA_TABLE + "\",\"BackupName\":\"" + backupName + "\"}"));
        assertThat(publishes(aws)).filteredOn(p -> p.get("Message").contains(family)).containsExactly(Map.of(
                "Action", "Publish", "Version", "2010-03-31", "TopicArn", ALERTS_TOPIC,
                "Message", "EMERGENCY ROLLBACK: Service rolled back to " + family + ":40"));

        // what the rollback replaced is kept, with the call that restores it
        Map<String, Object> rollback = steps(remediation).get(6);
        assertThat(map(rollback.get("request"))).isEqualTo(Map.of("cluster", CLUSTER, "service", service,
                "taskDefinition", family + ":40"));
        assertThat(map(rollback.get("replaced"))).isEqualTo(Map.of("taskDefinition", family + ":42", "desiredCount", 2));
        assertThat(rollback).containsEntry("outcome", "task definition " + family + ":42 → " + family + ":40")
                .containsEntry("sent", true).containsEntry("attempts", 1);
        assertThat(steps(remediation).get(8).get("outcome")).asString()
                .startsWith("the service is rolled back instead");
        assertThat(step(remediation, "VerifyFix").get("outcome")).asString().startsWith("verified: service stable");

        // announced step by step, and audited
        TopicReader reader = new TopicReader(kafka);
        RemediationSucceeded succeeded = awaitEvents(reader, RemediationSucceeded.class, incident.incidentId()).get(0);
        assertThat(succeeded.summary()).contains("task definition " + family + ":42 → " + family + ":40");
        assertThat(eventsOf(reader, RemediationStarted.class, incident.incidentId())).singleElement()
                .satisfies(started -> assertThat(started.mode()).isEqualTo(ExecutionMode.LIVE));
        assertThat(eventsOf(reader, RemediationStepSucceeded.class, incident.incidentId()))
                .extracting(RemediationStepSucceeded::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 11);
        assertThat((List<?>) remediation.get("audit")).hasSizeGreaterThan(11);
    }
    @Test
    void withoutARecentDeploymentASurgeScalesTheServiceToTenTasks() {
        String service = unique("web");
        String alarm = unique("cpu-high");
        String loadBalancer = "app/" + unique("alb") + "/1";
        Instant longAgo = clock.instant().minus(Duration.ofDays(3));
        ecsService(aws, service, EcsState.stable("fam", 7, 3, longAgo).failing(),
                EcsState.stable("fam", 7, 10, longAgo));
        requestCounts(aws, loadBalancer, 1000, 1100, 950, 4200);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 40.0);
        IncidentOpened incident = opened("outage", alarm, alarmOn(alarm, service, loadBalancer));

        write(new TopicReader(kafka), incident);

        Map<String, Object> remediation = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(steps(remediation)).extracting(s -> s.get("status")).containsExactly("SUCCEEDED", "SUCCEEDED",
                "SUCCEEDED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SUCCEEDED", "SUCCEEDED",
                "SUCCEEDED");
        assertThat(steps(remediation).get(3).get("outcome")).asString()
                .startsWith("no deployment within 60 minutes and none failed");
        assertThat(steps(remediation).get(8).get("outcome")).isEqualTo("desired count 3 → 10");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(JsonNode::toString)
                .containsExactly("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service + "\",\"desiredCount\":10}");
        assertThat(ecsRequests(aws, "ListTaskDefinitions", body -> true))
                .noneMatch(body -> body.path("familyPrefix").asText().equals("fam"));
    }

    @Test
    void anAdminUndoesTheSurgeScalingAndTheDesiredCountItReplacedIsRestored() throws Exception {
        String service = unique("web");
        String alarm = unique("cpu-high");
        String loadBalancer = "app/" + unique("alb") + "/1";
        Instant longAgo = clock.instant().minus(Duration.ofDays(3));
        ecsService(aws, service, EcsState.stable("fam", 7, 3, longAgo), EcsState.stable("fam", 7, 10, longAgo));
        requestCounts(aws, loadBalancer, 1000, 1100, 950, 4200);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 40.0);
        IncidentOpened incident = opened("outage", alarm, alarmOn(alarm, service, loadBalancer));
        write(new TopicReader(kafka), incident);
        Map<String, Object> scaled = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(steps(scaled).get(8)).containsEntry("outcome", "desired count 3 → 10");
        assertThat(map(steps(scaled).get(8).get("replaced"))).isEqualTo(Map.of("taskDefinition", "fam:7",
                "desiredCount", 3));

        as("admin").post("/remediations/{id}/undo", scaled.get("id")).then().statusCode(202)
                .body("status", equalTo("UNDOING"));

        Map<String, Object> undone = awaitById(scaled.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(undone).containsEntry("undoneBy", "admin")
                .containsEntry("summary", "restored: desired count 10 → 3");
        Map<String, Object> restore = steps(undone).get(steps(undone).size() - 1);
        assertThat(restore).containsEntry("phase", "UNDO").containsEntry("undoes", 9)
                .containsEntry("status", "SUCCEEDED").containsEntry("outcome", "desired count 10 → 3");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .containsExactly(
                        JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                                + "\",\"desiredCount\":10}"),
                        JSON.readTree("{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service
                                + "\",\"desiredCount\":3}"));
        RemediationUndone event = awaitEvents(new TopicReader(kafka), RemediationUndone.class, incident.incidentId())
                .get(0);
        assertThat(event.undoneBy()).isEqualTo("admin");
        assertThat(event.summary()).isEqualTo("restored: desired count 10 → 3");
    }

    @Test
    void aServiceThatDoesNotBecomeStableInTimeFailsTheRemediation() {
        IncidentOpened incident = failedDeployment(family -> EcsState.stable(family, 41, 2, clock.instant())
                .rollingOut(), 30.0).incident();
        TopicReader topics = new TopicReader(kafka);

        write(topics, incident);
        awaitRemediation(incident.incidentId(), r -> "WAITING".equals(step(r, "WaitUntilServicesStable").get("status")));
        clock.advance(Duration.ofMinutes(11));
        engine.wake();

        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        Map<String, Object> wait = step(failed, "WaitUntilServicesStable");
        assertThat(wait).containsEntry("status", "FAILED");
        assertThat((String) wait.get("error")).isEqualTo("not done within 10 minutes: not stable yet: "
                + "2 deployments, running 1 of 2, rollout IN_PROGRESS");
        assertThat((int) wait.get("attempts")).isGreaterThan(1);
        assertThat(step(failed, "VerifyFix")).containsEntry("status", "CANCELLED");
        assertThat((String) failed.get("failure")).startsWith("step 10 (Wait until the service is stable) failed");
        RemediationStepFailed stepFailed = awaitEvents(topics, RemediationStepFailed.class, incident.incidentId()).get(0);
        assertThat(stepFailed.order()).isEqualTo(10);
        assertThat(stepFailed.reason()).isEqualTo(wait.get("error"));
        assertThat(stepFailed.attempts()).isEqualTo((int) wait.get("attempts"));
        assertThat(awaitEvents(topics, RemediationFailed.class, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(failed.get("failure")));
    }

    @Test
    void aFixThatIsNotVerifiedInTimeIsUndone() {
        Outage outage = failedDeployment(family -> EcsState.stable(family, 41, 2, clock.instant()), 96.5);
        String service = outage.service();
        String family = outage.family();
        IncidentOpened incident = outage.incident();
        TopicReader topics = new TopicReader(kafka);

        write(topics, incident);
        awaitRemediation(incident.incidentId(), r -> "WAITING".equals(step(r, "VerifyFix").get("status")));
        clock.advance(Duration.ofMinutes(11));
        engine.wake();

        Map<String, Object> undone = awaitRemediation(incident.incidentId(), r -> "FAILED".equals(r.get("status")));
        assertThat(undone).containsEntry("undoneBy", "remediation");
        assertThat(undone.get("undoneAt")).isNotNull();
        assertThat((String) step(undone, "VerifyFix").get("error"))
                .isEqualTo("not done within 10 minutes: not verified yet: CPUUtilization Average still at 96.50 "
                        + "(GreaterThanThreshold 70.00)");
        Map<String, Object> restore = steps(undone).get(steps(undone).size() - 1);
        assertThat(restore).containsEntry("phase", "UNDO").containsEntry("undoes", 7)
                .containsEntry("status", "SUCCEEDED").containsEntry("outcome",
                        "task definition " + family + ":41 → " + family + ":42");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.path("taskDefinition").asText())
                .containsExactly(family + ":41", family + ":42");
        RemediationUndone event = awaitEvents(topics, RemediationUndone.class, incident.incidentId()).get(0);
        assertThat(event.undoneBy()).isEqualTo("remediation");
        assertThat(event.summary()).isEqualTo("restored: task definition " + family + ":41 → " + family + ":42");
        assertThat(awaitEvents(topics, RemediationFailed.class, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("step 11 (Verify the fix"));
    }

    @Test
    void anAdminUndoesARollbackAndTheTaskDefinitionItReplacedIsRestored() {
        String service = unique("web");
        String family = unique("fam");
        String alarm = unique("cpu-high");
        Map<String, Object> done = rolledBack(service, family, alarm, 42, 41);

        as("responder").post("/remediations/{id}/undo", done.get("id")).then().statusCode(403);
        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(202)
                .body("status", equalTo("UNDOING"));

        Map<String, Object> undone = awaitById(done.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(undone).containsEntry("undoneBy", "admin");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.path("taskDefinition").asText())
                .containsExactly(family + ":41", family + ":42");
        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(409)
                .contentType("application/problem+json");
        RemediationUndone event = awaitEvents(new TopicReader(kafka), RemediationUndone.class,
                (String) done.get("incidentId")).get(0);
        assertThat(event.undoneBy()).isEqualTo("admin");
        assertThat(map(((List<?>) undone.get("audit")).get(((List<?>) undone.get("audit")).size() - 1)))
                .containsEntry("action", "undone");
    }

    @Test
    void aSecondIncidentOnTheSameServiceWaitsForTheFirstRemediationToFinish() {
        Outage outage = failedDeployment(family -> EcsState.stable(family, 41, 2, clock.instant()).rollingOut(), 30.0);
        String service = outage.service();
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened first = outage.incident();
        IncidentOpened second = opened("traffic-surge", unique("surge"), first.labels());

        write(topics, first);
        awaitRemediation(first.incidentId(), r -> "WAITING".equals(step(r, "WaitUntilServicesStable").get("status")));
        write(topics, second);
        Map<String, Object> queued = awaitStatus(second.incidentId(), "QUEUED");
        assertThat(steps(queued)).extracting(s -> s.get("attempts")).containsOnly(0);

        ecsServiceNow(aws, service, EcsState.stable(outage.family(), 41, 2, clock.instant()));
        Map<String, Object> firstDone = awaitStatus(first.incidentId(), "SUCCEEDED");
        Map<String, Object> secondRunning = awaitStatus(second.incidentId(), "AWAITING_APPROVAL");
        assertThat(Instant.parse((String) secondRunning.get("startedAt")))
                .isAfterOrEqualTo(Instant.parse((String) firstDone.get("finishedAt")));
        assertThat(map(((List<?>) queued.get("audit")).get(((List<?>) queued.get("audit")).size() - 1)))
                .containsEntry("action", "queued");
    }

    @Test
    void aRestartMidPlaybookResumesTheUnfinishedStepAndRepeatsNoFinishedOne() {
        Outage outage = failedDeployment(family -> EcsState.stable(family, 41, 2, clock.instant()).rollingOut(), 30.0);
        String service = outage.service();
        String family = outage.family();
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = outage.incident();
        String eventId = UUID.randomUUID().toString();

        write(topics, incident, eventId);
        awaitRemediation(incident.incidentId(), r -> "WAITING".equals(step(r, "WaitUntilServicesStable").get("status")));
        engine.stop();
        try {
            ecsServiceNow(aws, service, EcsState.stable(family, 41, 2, clock.instant()));
            write(topics, incident, eventId);
            write(topics, incident);
        } finally {
            engine.start();
        }

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(remediationsOf(incident.incidentId())).hasSize(1);
        assertThat(steps(done)).extracting(s -> s.get("operation") + " " + s.get("attempts")).startsWith(
                "DescribeServices 1", "DescribeTargetHealth 1", "GetMetricStatistics 1", "ListTaskDefinitions 1",
                "DescribeTaskDefinition 1", "CreateBackup 1", "UpdateService 1", "Publish 1");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).hasSize(1);
        assertThat(ecsRequests(aws, "ListTaskDefinitions", body -> family.equals(body.path("familyPrefix").asText())))
                .hasSize(1);
        assertThat(publishes(aws)).filteredOn(p -> p.get("Message").contains(family)).hasSize(1);
        assertThat(eventsOf(topics, RemediationStarted.class, incident.incidentId())).hasSize(1);
    }

    @Test
    void aFourthRollbackOfAServiceWithinAnHourEscalatesToPeople() {
        String service = unique("web");
        String family = unique("fam");
        String alarm = unique("cpu-high");
        activeRevisions(aws, family, 45, 44, 43, 42, 41);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 30.0);
        for (int round = 0; round < 3; round++) {
            rolledBack(service, family, alarm, 42 + round, 41 + round);
        }
        Instant now = clock.instant();
        ecsService(aws, service, EcsState.stable(family, 45, 2, now.minus(Duration.ofMinutes(2))).failing(),
                EcsState.stable(family, 44, 2, now));
        IncidentOpened fourth = opened("outage", alarm, alarmOn(alarm, service, null));
        TopicReader topics = new TopicReader(kafka);

        write(topics, fourth);

        Map<String, Object> escalated = awaitStatus(fourth.incidentId(), "ESCALATED");
        assertThat((String) escalated.get("summary")).startsWith("3 rollback actions on ecs:" + CLUSTER + "/" + service
                + " within 60 minutes (the limit is 3): automation stops, people take over");
        assertThat(step(escalated, "CreateBackup")).containsEntry("status", "SUCCEEDED");
        assertThat(steps(escalated).get(6)).containsEntry("status", "CANCELLED").containsEntry("attempts", 0);
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.path("taskDefinition").asText())
                .containsExactly(family + ":41", family + ":42", family + ":43");
        RemediationEscalated event = awaitEvents(topics, RemediationEscalated.class, fourth.incidentId()).get(0);
        assertThat(event.target()).isEqualTo("ecs:" + CLUSTER + "/" + service);
        assertThat(event.reason()).isEqualTo(escalated.get("summary"));

        clock.advance(Duration.ofMinutes(61));
        ecsService(aws, service, EcsState.stable(family, 45, 2, clock.instant().minus(Duration.ofMinutes(2))).failing(),
                EcsState.stable(family, 44, 2, clock.instant()));
        IncidentOpened anHourLater = opened("outage", alarm, alarmOn(alarm, service, null));
        write(topics, anHourLater);
        awaitStatus(anHourLater.incidentId(), "SUCCEEDED");
    }

    /**
     * An outage of a service of its own (with a family and an alarm of their own), whose recent deployment of
     * revision 42 failed; after the rollback to 41 the service answers {@code after}, and its CPU is {@code cpu}.
     */
    private Outage failedDeployment(Function<String, EcsState> after, double cpuPercent) {
        String service = unique("web");
        String family = unique("fam");
        String alarm = unique("cpu-high");
        ecsService(aws, service, EcsState.stable(family, 42, 2, clock.instant().minus(Duration.ofMinutes(5)))
                .failing(), after.apply(family));
        activeRevisions(aws, family, 42, 41);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, cpuPercent);
        return new Outage(service, family, opened("outage", alarm, alarmOn(alarm, service, null)));
    }

    /** A test's outage: its service, its task definition family, and the incident. */
    private record Outage(String service, String family, IncidentOpened incident) {
    }

    /** One outage of the service whose deployment of {@code from} failed, rolled back to {@code to}. */
    private Map<String, Object> rolledBack(String service, String family, String alarm, int from, int to) {
        Instant now = clock.instant();
        ecsService(aws, service, EcsState.stable(family, from, 2, now.minus(Duration.ofMinutes(3))).failing(),
                EcsState.stable(family, to, 2, now));
        activeRevisions(aws, family, from, to);
        cpuAlarm(aws, alarm, service, 70.0);
        cpu(aws, service, 30.0);
        IncidentOpened incident = opened("outage", alarm, alarmOn(alarm, service, null));
        write(new TopicReader(kafka), incident);
        return awaitStatus(incident.incidentId(), "SUCCEEDED");
    }
}
