package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.AwsStubs.ecs;
import static dev.autopilot.remediation.AwsStubs.ecsError;
import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.ecsService;
import static dev.autopilot.remediation.RemediationApi.awaitEvents;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.eventsOf;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
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
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a step does when AWS says no: throttling and 5xx are tried again with backoff, a bounded number of times; a
 * 4xx is permanent at once; and after three failed remediations of a target in a row, automation stops for it.
 * Each test restarts one agent (P2) of a cluster of its own.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class StepFailuresTest {

    private static final String AGENT_SERVICE = "t-developer-parser-agent-production";

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
    void aThrottledCallIsTriedAgainAndSucceeds() {
        String cluster = unique("cluster");
        agent(cluster);
        String scenario = "throttled " + cluster;
        aws.stubFor(restartOf(cluster).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ecsError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("throttled twice"));
        aws.stubFor(restartOf(cluster).inScenario(scenario).whenScenarioStateIs("throttled twice")
                .willReturn(ecsError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("passes"));
        IncidentOpened incident = parserFailing(cluster);

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        Map<String, Object> restart = step(done, "UpdateService");
        assertThat(restart).containsEntry("status", "SUCCEEDED").containsEntry("attempts", 2)
                .containsEntry("outcome", "new deployment forced")
                .containsEntry("error", null);
        // the SDK's own two attempts were throttled, then the step's second attempt passed
        assertThat(ecsRequests(aws, "UpdateService", cluster(cluster))).hasSize(3)
                .allSatisfy(body -> assertThat(body.toString()).isEqualTo("{\"cluster\":\"" + cluster
                        + "\",\"service\":\"" + AGENT_SERVICE + "\",\"forceNewDeployment\":true}"));
    }

    @Test
    void aClientErrorIsPermanentAndRecordedAtOnce() {
        String cluster = unique("cluster");
        agent(cluster);
        aws.stubFor(restartOf(cluster).willReturn(ecsError(400, "InvalidParameterException",
                "The service cannot be updated while it is draining.")));
        IncidentOpened incident = parserFailing(cluster);
        TopicReader topics = new TopicReader(kafka);

        write(topics, incident);

        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        assertThat(step(failed, "UpdateService")).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("error", "InvalidParameterException (HTTP 400): The service cannot be updated while it "
                        + "is draining.");
        assertThat(step(failed, "RecordFollowUp")).containsEntry("status", "CANCELLED");
        assertThat(ecsRequests(aws, "UpdateService", cluster(cluster))).hasSize(1);
        RemediationStepFailed stepFailed = awaitEvents(topics, RemediationStepFailed.class, incident.incidentId())
                .get(0);
        assertThat(stepFailed.order()).isEqualTo(2);
        assertThat(stepFailed.attempts()).isEqualTo(1);
        assertThat(stepFailed.reason()).startsWith("InvalidParameterException (HTTP 400)");
        assertThat(awaitEvents(topics, RemediationFailed.class, incident.incidentId())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("step 2 (Restart the parser agent alone) failed: "
                        + stepFailed.reason()));
    }

    @Test
    void serverErrorsAreTriedABoundedNumberOfTimesThenGivenUp() {
        String cluster = unique("cluster");
        agent(cluster);
        aws.stubFor(restartOf(cluster).willReturn(ecsError(500, "ServerException", "Internal failure")));
        IncidentOpened incident = parserFailing(cluster);

        write(new TopicReader(kafka), incident);

        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        assertThat(step(failed, "UpdateService")).containsEntry("attempts", 3).containsEntry("error",
                "ServerException (HTTP 500): Internal failure (gave up after 3 attempts)");
        assertThat(ecsRequests(aws, "UpdateService", cluster(cluster))).hasSize(6);
    }

    @Test
    void afterThreeFailuresInARowAutomationStopsForTheTargetAndPeopleAreAsked() {
        String cluster = unique("cluster");
        agent(cluster);
        aws.stubFor(restartOf(cluster).willReturn(ecsError(400, "AccessDeniedException", "not authorised")));
        TopicReader topics = new TopicReader(kafka);
        String target = "ecs:" + cluster + "/" + AGENT_SERVICE;
        IncidentOpened third = null;
        for (int i = 0; i < 3; i++) {
            third = parserFailing(cluster);
            write(topics, third);
            awaitStatus(third.incidentId(), "FAILED");
        }

        RemediationEscalated tripped = awaitEvents(topics, RemediationEscalated.class, third.incidentId()).get(0);
        assertThat(tripped.target()).isEqualTo(target);
        assertThat(tripped.reason()).startsWith("3 remediations of " + target
                + " failed in a row: automation stops for it until ");

        IncidentOpened fourth = parserFailing(cluster);
        write(topics, fourth);
        Map<String, Object> escalated = awaitStatus(fourth.incidentId(), "ESCALATED");
        assertThat((String) escalated.get("summary")).startsWith("automation is stopped for " + target + " until ");
        assertThat(escalated.get("startedAt")).isNull();
        assertThat(ecsRequests(aws, "UpdateService", cluster(cluster))).hasSize(3);
        assertThat(eventsOf(topics, RemediationEscalated.class, fourth.incidentId())).isNotEmpty();

        clock.advance(Duration.ofMinutes(61));
        aws.stubFor(restartOf(cluster).willReturn(AwsStubs.updated(AGENT_SERVICE,
                EcsState.stable("parser", 3, 2, clock.instant()))));
        IncidentOpened later = parserFailing(cluster);
        write(topics, later);
        awaitStatus(later.incidentId(), "SUCCEEDED");
        assertThat(ecsRequests(aws, "UpdateService", cluster(cluster))).hasSize(4);
    }

    private void agent(String cluster) {
        EcsState running = EcsState.stable("parser", 3, 2, clock.instant().minus(Duration.ofDays(1)));
        ecsService(aws, cluster, AGENT_SERVICE, running, running);
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder restartOf(String cluster) {
        return ecs("UpdateService").withRequestBody(WireMock.matchingJsonPath("$.cluster", WireMock.equalTo(cluster)));
    }

    private static java.util.function.Predicate<JsonNode> cluster(String cluster) {
        return body -> cluster.equals(body.path("cluster").asText());
    }

    private static IncidentOpened parserFailing(String cluster) {
        return opened("agent-failure", "parser-agent-failing",
                Map.of("alarmName", "parser-agent-failing", "dimension.ClusterName", cluster));
    }
}
