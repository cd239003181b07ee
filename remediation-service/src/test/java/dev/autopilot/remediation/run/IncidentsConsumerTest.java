package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.RemediationApi.awaitPlannedEvent;
import static dev.autopilot.remediation.RemediationApi.awaitRemediation;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.planOf;
import static dev.autopilot.remediation.RemediationApi.plannedEventsOf;
import static dev.autopilot.remediation.RemediationApi.remediationsOf;
import static dev.autopilot.remediation.RemediationApi.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.support.messaging.DeadLetters;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Incident events in, dry-run plans out: the consumer, the database and remediations.v1 together. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IncidentsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anOpenedOutageGetsADryRunPlanThatIsAnnounced() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = opened("outage", "awselb-t-developer-unhealthy");

        Map<String, Object> remediation = planOf(topics, incident);
        assertThat(remediation).containsEntry("incidentId", incident.incidentId())
                .containsEntry("playbook", "outage").containsEntry("mode", "DRY_RUN")
                .containsEntry("status", "PLANNED");
        List<Map<String, Object>> steps = steps(remediation);
        assertThat(steps).extracting(s -> s.get("order")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(steps).extracting(s -> s.get("status")).containsOnly("PLANNED");
        assertThat(steps).extracting(s -> s.get("service") + " " + s.get("operation")).containsExactly(
                "ecs DescribeServices", "elbv2 DescribeTargetHealth", "ecs ListTaskDefinitions",
                "dynamodb CreateBackup", "ecs UpdateService", "sns Publish", "ecs DescribeServices");
        assertThat(steps.get(4)).containsEntry("requiresApproval", false).containsEntry("parameters", Map.of(
                "cluster", "t-developer-cluster-production",
                "service", "t-developer-service-production",
                "taskDefinition", "t-developer:<N-1>"));
        assertThat(steps.get(0)).containsEntry("parameters", Map.of(
                "cluster", "t-developer-cluster-production",
                "services", List.of("t-developer-service-production")));
        assertThat(parameters(steps.get(3)).get("BackupName").toString()).matches("manual-backup-\\d{8}-\\d{6}");

        RemediationPlanned event = awaitPlannedEvent(topics, incident.incidentId());
        assertThat(event.remediationId()).isEqualTo(remediation.get("id"));
        assertThat(event.playbook()).isEqualTo("outage");
        assertThat(event.mode()).isEqualTo(ExecutionMode.DRY_RUN);
        assertThat(event.plannedAt()).isEqualTo(Instant.parse((String) remediation.get("plannedAt")));
        assertThat(event.steps()).extracting(PlannedStep::order).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(event.steps().get(4).parameters()).isEqualTo(steps.get(4).get("parameters"));
        assertThat(event.steps().get(3).parameters()).isEqualTo(steps.get(3).get("parameters"));
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
            unclassified  | disk-almost-full     | evidence      | 2 | TargetGroupArn    | arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09
            """)
    void eachIncidentTypeGetsItsPlaybookWithTheConfiguredNames(String type, String title, String playbook, int order,
            String parameter, String value) {
        Map<String, Object> remediation = planOf(new TopicReader(kafka), opened(type, title));

        assertThat(remediation).containsEntry("playbook", playbook);
        assertThat(String.valueOf(parameters(steps(remediation).get(order - 1)).get(parameter))).isEqualTo(value);
    }

    @Test
    void aRedeliveredOrRepeatedIncidentOpenedAddsNoSecondPlan() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = opened("outage", "redelivered");
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
        IncidentOpened good = opened("degradation", "after poison");

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
    void aResolvedIncidentCancelsItsPlannedRemediation() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = opened("outage", "resolved before it ran");
        assertThat(planOf(topics, incident)).containsEntry("status", "PLANNED");

        write(topics, new IncidentResolved(incident.incidentId(), "detector", "signal cleared", Instant.now()));

        Map<String, Object> cancelled = awaitRemediation(incident.incidentId(),
                r -> "CANCELLED".equals(r.get("status")));
        assertThat(cancelled).containsEntry("cancelReason", "incident resolved by detector");
        assertThat(cancelled.get("cancelledAt")).isNotNull();
        assertThat(steps(cancelled)).extracting(s -> s.get("status")).containsOnly("CANCELLED");

        IncidentOpened marker = opened("unclassified", "marker after the resolves");
        IncidentResolved unknown = new IncidentResolved(UUID.randomUUID().toString(), "responder", null,
                Instant.now());
        write(topics, new IncidentResolved(incident.incidentId(), "responder", "again", Instant.now()));
        write(topics, unknown);
        write(topics, marker);

        awaitRemediation(marker.incidentId(), r -> true);
        assertThat(remediationsOf(incident.incidentId())).singleElement().isEqualTo(cancelled);
        assertThat(remediationsOf(unknown.incidentId())).isEmpty();
        assertThat(topics.records(Topics.deadLetter(Topics.INCIDENTS, "remediation")))
                .extracting(ConsumerRecord::key)
                .doesNotContain(incident.incidentId(), unknown.incidentId());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> remediation) {
        return (List<Map<String, Object>>) remediation.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Map<String, Object> step) {
        return (Map<String, Object>) step.get("parameters");
    }
}
