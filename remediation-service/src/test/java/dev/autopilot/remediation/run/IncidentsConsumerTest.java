package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.alarmOn;
import static dev.autopilot.remediation.RemediationApi.awaitPlannedEvent;
import static dev.autopilot.remediation.RemediationApi.awaitRemediation;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.planOf;
import static dev.autopilot.remediation.RemediationApi.plannedEventsOf;
import static dev.autopilot.remediation.RemediationApi.remediationsOf;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.RemediationApi;
import dev.autopilot.support.messaging.DeadLetters;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Incident events in, playbook runs out: the consumer, the database and remediations.v1 together. Each incident
 * here names a service of its own, which the stub does not know: what runs after the plan is other tests' concern.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class IncidentsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void anOpenedOutageGetsItsPlaybookPlannedAndAnnounced() {
        TopicReader topics = new TopicReader(kafka);
        String service = unique("web");
        IncidentOpened incident = opened("outage", "awselb-t-developer-unhealthy",
                alarmOn("awselb-t-developer-unhealthy", service, null));

        Map<String, Object> remediation = planOf(topics, incident);
        assertThat(remediation).containsEntry("incidentId", incident.incidentId())
                .containsEntry("playbook", "outage").containsEntry("mode", "LIVE")
                .containsEntry("requestedBy", "incident")
                .containsEntry("target", "ecs:t-developer-cluster-production/" + service);
        List<Map<String, Object>> steps = steps(remediation);
        assertThat(steps).extracting(s -> s.get("order")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(steps).extracting(s -> s.get("service") + " " + s.get("operation")).containsExactly(
                "ecs DescribeServices", "elbv2 DescribeTargetHealth", "cloudwatch GetMetricStatistics",
                "ecs ListTaskDefinitions", "ecs DescribeTaskDefinition", "dynamodb CreateBackup", "ecs UpdateService",
                "sns Publish", "ecs UpdateService", "ecs WaitUntilServicesStable", "verification VerifyFix");
        assertThat(steps.get(6)).containsEntry("requiresApproval", false).containsEntry("parameters", Map.of(
                "cluster", "t-developer-cluster-production",
                "service", service,
                "taskDefinition", "<family>:<N-1>"));
        assertThat(steps.get(0)).containsEntry("parameters", Map.of(
                "cluster", "t-developer-cluster-production",
                "services", List.of(service)));

        RemediationPlanned event = awaitPlannedEvent(topics, incident.incidentId());
        assertThat(event.remediationId()).isEqualTo(remediation.get("id"));
        assertThat(event.playbook()).isEqualTo("outage");
        assertThat(event.mode()).isEqualTo(ExecutionMode.LIVE);
        assertThat(event.plannedAt()).isEqualTo(Instant.parse((String) remediation.get("plannedAt")));
        assertThat(event.steps()).extracting(PlannedStep::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(event.steps().get(6).parameters()).isEqualTo(steps.get(6).get("parameters"));
        assertThat(event.steps().get(5).parameters()).isEqualTo(steps.get(5).get("parameters"));
        ConsumerRecord<String, byte[]> record = topics.records(Topics.REMEDIATIONS).stream()
                .filter(r -> incident.incidentId().equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("RemediationPlanned");
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/autopilot/remediation");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(incident.incidentId());
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}, step {3} {4} = {5}")
    @CsvSource(delimiter = '|', textBlock = """
            degradation   | alb-5xx-high         | degradation   | 1 | Period            | 300
            degradation   | alb-5xx-high         | degradation   | 5 | desiredCount      | <desiredCount+2>
            agent-failure | parser-agent-failing | agent-failure | 2 | service           | t-developer-parser-agent-production
            traffic-surge | requests-surging     | traffic-surge | 2 | desiredCount      | 10
            security      | recon                | security      | 1 | SecretId          | t-developer/production/api-keys
            data-loss     | exfiltration         | data-leak     | 1 | Bucket            | t-developer-projects-production
            unclassified  | disk-almost-full     | evidence      | 2 | TargetGroupArn    | arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09
            """)
    void eachIncidentTypeGetsItsPlaybookWithTheConfiguredNames(String type, String title, String playbook, int order,
            String parameter, String value) {
        Map<String, Object> remediation = planOf(new TopicReader(kafka), opened(type, title,
                Map.of("alarmName", title, "dimension.ClusterName", unique("cluster"))));

        assertThat(remediation).containsEntry("playbook", playbook);
        assertThat(String.valueOf(parameters(steps(remediation).get(order - 1)).get(parameter))).isEqualTo(value);
    }

    @Test
    void aRedeliveredOrRepeatedIncidentOpenedAddsNoSecondRemediation() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = opened("outage", "redelivered", alarmOn("redelivered", unique("web"), null));
        String eventId = UUID.randomUUID().toString();
        IncidentOpened reopened = new IncidentOpened(incident.incidentId(), incident.fingerprint(), "reopened",
                Severity.P1, "degradation", incident.service(), Map.of(), incident.signalId(), Instant.now());
        IncidentOpened marker = opened("unclassified", "marker after the repeats");

        write(topics, incident, eventId);
        write(topics, incident, eventId);
        write(topics, reopened);
        write(topics, marker);

        // one partition in tests: once the marker is planned and announced, everything before it has been applied
        awaitRemediation(marker.incidentId(), r -> true);
        awaitPlannedEvent(topics, marker.incidentId());
        assertThat(remediationsOf(incident.incidentId())).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("playbook", "outage"));
        assertThat(plannedEventsOf(topics, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.playbook()).isEqualTo("outage"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextIncidentIsPlanned() {
        TopicReader topics = new TopicReader(kafka);
        String key = UUID.randomUUID().toString();
        IncidentOpened notAUuid = new IncidentOpened("not-a-uuid-" + key, "fp", "bad id", Severity.P0, "outage",
                null, Map.of(), "s", Instant.now());
        IncidentOpened good = opened("unclassified", "after poison");

        topics.write(Topics.INCIDENTS, key, Map.of(), "no headers at all".getBytes(StandardCharsets.UTF_8));
        topics.write(Topics.INCIDENTS, key, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, "IncidentOpened", CloudEventHeaders.SOURCE, "/test"),
                "{\"incidentId\": [".getBytes(StandardCharsets.UTF_8));
        write(topics, notAUuid);
        write(topics, good);

        awaitRemediation(good.incidentId(), r -> true);
        String deadLetters = Topics.deadLetter(Topics.INCIDENTS, "remediation");
        assertThat(deadLetters).isEqualTo("incidents.v1.dlq.remediation");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = topics.records(deadLetters).stream()
                    .filter(r -> Set.of(key, notAUuid.incidentId()).contains(r.key())).toList();
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.REASON))
                    .hasSize(3)
                    .anySatisfy(reason -> assertThat(reason).contains("missing CloudEvents header"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a valid IncidentOpened"))
                    .anySatisfy(reason -> assertThat(reason).isEqualTo("the incident id " + notAUuid.incidentId() + " is not a UUID"));
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.ORIGINAL_TOPIC))
                    .containsOnly(Topics.INCIDENTS);
        });
    }

    @Test
    void aResolvedIncidentStopsItsRemediationAndItsPendingStepsNeverRun() {
        TopicReader topics = new TopicReader(kafka);
        String service = unique("web");
        EcsState running = EcsState.stable("fam", 3, 4, Instant.now().minus(Duration.ofDays(1)));
        ecsService(aws, service, running, running.withDesired(10));
        IncidentOpened incident = opened("traffic-surge", "resolved while waiting", alarmOn("surge", service, null));
        write(topics, incident);
        awaitStatus(incident.incidentId(), "AWAITING_APPROVAL");

        write(topics, new IncidentResolved(incident.incidentId(), "detector", "signal cleared", Instant.now()));

        Map<String, Object> cancelled = awaitStatus(incident.incidentId(), "CANCELLED");
        assertThat(cancelled).containsEntry("cancelReason", "incident resolved by detector");
        assertThat(cancelled.get("cancelledAt")).isNotNull();
        assertThat(steps(cancelled)).extracting(s -> s.get("status")).containsExactly("SUCCEEDED", "CANCELLED",
                "CANCELLED");
        assertThat(RemediationApi.map(((List<?>) cancelled.get("approvals")).get(0))).containsEntry("status", "CANCELLED");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();

        // the target is free again: the next remediation of it starts (and waits for its own approval)
        IncidentOpened next = opened("traffic-surge", "after the resolve", alarmOn("surge", service, null));
        write(topics, new IncidentResolved(UUID.randomUUID().toString(), "responder", null, Instant.now()));
        write(topics, next);
        awaitStatus(next.incidentId(), "AWAITING_APPROVAL");
        assertThat(remediationsOf(incident.incidentId())).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "CANCELLED"));
    }

    @Test
    void anIncidentEscalatedToAnotherTypeGetsThatTypesPlaybookTooAndAReopenedOneRunsAgain() {
        TopicReader topics = new TopicReader(kafka);
        String cluster = unique("cluster");
        IncidentOpened incident = opened("degradation", "slow", Map.of("alarmName", "slow",
                "dimension.ClusterName", cluster));
        write(topics, incident);
        awaitRemediation(incident.incidentId(), r -> true);

        write(topics, new IncidentEscalated(incident.incidentId(), Severity.P1, Severity.P0, "outage",
                "5xx everywhere", UUID.randomUUID().toString(), Instant.now()));
        write(topics, new IncidentEscalated(incident.incidentId(), Severity.P1, Severity.P0, "outage",
                "again", UUID.randomUUID().toString(), Instant.now()));
        write(topics, new IncidentReopened(incident.incidentId(), "it came back", UUID.randomUUID().toString(),
                Instant.now()));

        List<Map<String, Object>> all = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> remediationsOf(incident.incidentId()), list -> list.size() == 3);
        assertThat(all).extracting(r -> r.get("playbook")).containsExactlyInAnyOrder("degradation", "outage",
                "outage");
        assertThat(all).extracting(r -> r.get("target")).containsOnly("ecs:" + cluster
                + "/t-developer-service-production");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Map<String, Object> step) {
        return (Map<String, Object>) step.get("parameters");
    }
}
