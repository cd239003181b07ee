package dev.autopilot.remediation.run;

import static dev.autopilot.remediation.AwsStubs.ecsRequests;
import static dev.autopilot.remediation.AwsStubs.runningTasks;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The P2 playbook for an agent restarted by StopTask of its tasks (the tests configure the search agent so):
 * the running tasks of its own service are listed, then each is stopped, and ECS starts new ones. Each test uses a
 * cluster of its own.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class AgentFailurePlaybookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_SERVICE = "t-developer-search-agent-production";
    private static final String REASON = "Runbook Autopilot: restart of the failing search agent";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void theFailingAgentAloneIsRestartedByStoppingEachOfItsRunningTasks() throws Exception {
        String cluster = unique("cluster");
        String first = "arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/0a1b2c3d4e5f40718293a4b5c6d7e8f9";
        String second = "arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/9f8e7d6c5b4a43210fedcba987654321";
        runningTasks(aws, cluster, AGENT_SERVICE, first, second);
        IncidentOpened incident = searchFailing(cluster);

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(done).containsEntry("playbook", "agent-failure").containsEntry("mode", "LIVE")
                .containsEntry("target", "ecs:" + cluster + "/" + AGENT_SERVICE);
        assertThat(steps(done)).extracting(s -> s.get("service") + " " + s.get("operation") + " " + s.get("status"))
                .containsExactly("logs FilterLogEvents SUCCEEDED", "ecs StopTask SUCCEEDED",
                        "remediation RecordFollowUp SUCCEEDED");
        assertThat(ecsRequests(aws, "ListTasks", inCluster(cluster))).containsExactly(JSON.readTree(
                "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"" + AGENT_SERVICE
                        + "\",\"desiredStatus\":\"RUNNING\"}"));
        assertThat(ecsRequests(aws, "StopTask", inCluster(cluster))).containsExactly(
                JSON.readTree("{\"cluster\":\"" + cluster + "\",\"task\":\"" + first + "\",\"reason\":\"" + REASON
                        + "\"}"),
                JSON.readTree("{\"cluster\":\"" + cluster + "\",\"task\":\"" + second + "\",\"reason\":\"" + REASON
                        + "\"}"));
        assertThat(ecsRequests(aws, "UpdateService", inCluster(cluster))).isEmpty();

        Map<String, Object> restart = step(done, "StopTask");
        assertThat(restart).containsEntry("kind", "restart").containsEntry("sent", true).containsEntry("attempts", 1)
                .containsEntry("outcome", "stopped 2 tasks of " + AGENT_SERVICE);
        assertThat(map(restart.get("request"))).isEqualTo(Map.of("StopTask", List.of(
                Map.of("cluster", cluster, "task", first, "reason", REASON),
                Map.of("cluster", cluster, "task", second, "reason", REASON))));
        assertThat(step(done, "RecordFollowUp")).containsEntry("outcome", "follow-up recorded: Plan a patch deploy "
                + "for the search agent (incident " + incident.incidentId() + ")");
    }

    @Test
    void anAgentWithoutARunningTaskIsNotRestartedAndTheRemediationFails() throws Exception {
        String cluster = unique("cluster");
        runningTasks(aws, cluster, AGENT_SERVICE);
        IncidentOpened incident = searchFailing(cluster);

        write(new TopicReader(kafka), incident);

        Map<String, Object> failed = awaitStatus(incident.incidentId(), "FAILED");
        assertThat(step(failed, "StopTask")).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("error", "no running task of " + AGENT_SERVICE + " to stop");
        assertThat(step(failed, "RecordFollowUp")).containsEntry("status", "CANCELLED");
        assertThat(ecsRequests(aws, "ListTasks", inCluster(cluster))).containsExactly(JSON.readTree(
                "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"" + AGENT_SERVICE
                        + "\",\"desiredStatus\":\"RUNNING\"}"));
        assertThat(ecsRequests(aws, "StopTask", inCluster(cluster))).isEmpty();
    }

    private static IncidentOpened searchFailing(String cluster) {
        return opened("agent-failure", "search-agent-failing",
                Map.of("alarmName", "search-agent-failing", "dimension.ClusterName", cluster));
    }

    private static Predicate<JsonNode> inCluster(String cluster) {
        return body -> cluster.equals(body.path("cluster").asText());
    }
}
