package dev.autopilot.remediation.scaling;

import static dev.autopilot.remediation.AwsStubs.CLUSTER;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.awaitById;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.remediation;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationUndone;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.support.messaging.DeadLetters;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detector's scaling recommendations: out or in by a step, after a cooldown, never outside 2 to 20 tasks. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class ScalingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void aScaleOutNeverGoesAboveTwentyAndASecondOneWithinTheCooldownWaits() {
        String service = unique("web");
        Instant longAgo = clock.instant().minus(Duration.ofDays(1));
        ecsService(aws, service, EcsState.stable("fam", 3, 19, longAgo), EcsState.stable("fam", 3, 20, longAgo));
        TopicReader topics = new TopicReader(kafka);
        ScalingRecommended first = recommendation(service, ScalingDirection.OUT);

        write(topics, first);

        Map<String, Object> scaled = awaitOnlyFinished(service, 1).get(0);
        assertThat(scaled).containsEntry("status", "SUCCEEDED").containsEntry("playbook", "scaling")
                .containsEntry("incidentId", null).containsEntry("requestedBy", "recommendation");
        assertThat(steps(scaled).get(1)).containsEntry("outcome",
                "desired count 19 → 20 (21 asked; bounded to the maximum 20)");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.toString()).containsExactly("{\"cluster\":\"" + CLUSTER + "\",\"service\":\""
                        + service + "\",\"desiredCount\":20}");
        RemediationPlanned planned = awaitEvents(topics, RemediationPlanned.class, (String) scaled.get("id")).get(0);
        assertThat(planned.incidentId()).isNull();
        assertThat(planned.subject()).isEqualTo(scaled.get("id"));

        write(topics, recommendation(service, ScalingDirection.OUT));

        List<Map<String, Object>> both = awaitOnlyFinished(service, 2);
        Map<String, Object> waited = both.get(0);
        assertThat(waited).containsEntry("status", "SUCCEEDED");
        assertThat(steps(waited).get(1)).containsEntry("status", "SKIPPED");
        assertThat((String) steps(waited).get(1).get("outcome")).startsWith("in cooldown: last scaled at ");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).hasSize(1);
    }

    @Test
    void anAdminUndoesAScaleOutAndThePreviousDesiredCountIsRestored() {
        String service = unique("web");
        Instant longAgo = clock.instant().minus(Duration.ofDays(1));
        ecsService(aws, service, EcsState.stable("fam", 3, 4, longAgo), EcsState.stable("fam", 3, 6, longAgo));
        TopicReader topics = new TopicReader(kafka);
        write(topics, recommendation(service, ScalingDirection.OUT));
        Map<String, Object> scaled = awaitOnlyFinished(service, 1).get(0);
        assertThat(scaled).containsEntry("status", "SUCCEEDED");
        assertThat(map(steps(scaled).get(1).get("replaced"))).isEqualTo(Map.of("taskDefinition", "fam:3",
                "desiredCount", 4));

        as("responder").post("/remediations/{id}/undo", scaled.get("id")).then().statusCode(403);
        as("admin").post("/remediations/{id}/undo", scaled.get("id")).then().statusCode(202)
                .body("status", equalTo("UNDOING"));

        Map<String, Object> undone = awaitById(scaled.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(undone).containsEntry("undoneBy", "admin").containsEntry("summary", "restored: desired count 6 → 4");
        Map<String, Object> restore = steps(undone).get(steps(undone).size() - 1);
        assertThat(restore).containsEntry("phase", "UNDO").containsEntry("undoes", 2).containsEntry("status", "SUCCEEDED")
                .containsEntry("operation", "UpdateService").containsEntry("sent", true)
                .containsEntry("outcome", "desired count 6 → 4");
        assertThat(map(restore.get("request"))).isEqualTo(Map.of("cluster", CLUSTER, "service", service,
                "desiredCount", 4));
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText())))
                .extracting(body -> body.toString()).containsExactly(
                        "{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service + "\",\"desiredCount\":6}",
                        "{\"cluster\":\"" + CLUSTER + "\",\"service\":\"" + service + "\",\"desiredCount\":4}");
        RemediationUndone event = awaitEvents(topics, RemediationUndone.class, (String) scaled.get("id")).get(0);
        assertThat(event.undoneBy()).isEqualTo("admin");
        assertThat(event.summary()).isEqualTo("restored: desired count 6 → 4");
    }

    @Test
    void aScaleInAtTheMinimumChangesNothing() {
        String service = unique("web");
        Instant longAgo = clock.instant().minus(Duration.ofDays(1));
        ecsService(aws, service, EcsState.stable("fam", 3, 2, longAgo), EcsState.stable("fam", 3, 2, longAgo));

        write(new TopicReader(kafka), recommendation(service, ScalingDirection.IN));

        Map<String, Object> done = awaitOnlyFinished(service, 1).get(0);
        assertThat(steps(done).get(1)).containsEntry("status", "SUCCEEDED").containsEntry("sent", false)
                .containsEntry("outcome", "no change needed: desired count 2 → 2 (1 asked; bounded to the minimum 2)");
        assertThat(ecsRequests(aws, "UpdateService", body -> service.equals(body.path("service").asText()))).isEmpty();
    }

    @Test
    void aRecommendationWithoutItsServiceGoesToTheDeadLetterTopic() {
        TopicReader topics = new TopicReader(kafka);
        ScalingRecommended broken = new ScalingRecommended(UUID.randomUUID().toString(), null, CLUSTER,
                ScalingDirection.OUT, "AWS/ECS CPUUtilization", 91.0, 70.0, 120, "CPU above 70 % for 2 minutes",
                Instant.now());

        write(topics, broken);

        String deadLetters = Topics.deadLetter(Topics.RECOMMENDATIONS, "remediation");
        assertThat(deadLetters).isEqualTo("recommendations.v1.dlq.remediation");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topics.records(deadLetters))
                .extracting(r -> TopicReader.header(r, DeadLetters.REASON))
                .contains("a ScalingRecommended needs its id, service and direction"));
    }

    private static ScalingRecommended recommendation(String service, ScalingDirection direction) {
        return new ScalingRecommended(UUID.randomUUID().toString(), service, CLUSTER, direction,
                "AWS/ECS CPUUtilization", direction == ScalingDirection.OUT ? 91.0 : 20.0,
                direction == ScalingDirection.OUT ? 70.0 : 50.0, 300, "CPU held past its threshold", Instant.now());
    }

    /** Waits until the service has {@code count} remediations, all finished; newest first, in full. */
    private static List<Map<String, Object>> awaitOnlyFinished(String service, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Map<String, Object>> list = as("viewer").queryParam("target", "ecs:" + CLUSTER + "/" + service)
                    .get("/remediations").then().statusCode(200).extract().jsonPath().getList("$");
            return list.stream().map(r -> remediation(r.get("id"))).toList();
        }, list -> list.size() == count && list.stream().allMatch(r -> r.get("finishedAt") != null));
    }
}
