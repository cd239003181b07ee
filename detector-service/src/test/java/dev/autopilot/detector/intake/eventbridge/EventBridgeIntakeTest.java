package dev.autopilot.detector.intake.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.detector.DetectorApi.awaitCondition;
import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.awaitIncidentWithCondition;
import static dev.autopilot.detector.DetectorApi.incidentsTitled;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every EventBridge fixture the detector takes, and variants of them, through POST /intake/eventbridge. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class EventBridgeIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Test
    void aCloudWatchAlarmStateChangeOpensAnIncidentWithTheLatestDatapoint() {
        ObjectNode event = fixture("eventbridge-cloudwatch-alarm-state-change-single-metric.awsdocs.json");
        String alarm = "ServerCpuTooHigh-" + UUID.randomUUID();
        event.withObject("/detail").put("alarmName", alarm);
        event.put("id", UUID.randomUUID().toString());

        post(event).then().statusCode(202).body("signals[0].status", equalTo("FIRING"));

        // it concerns the managed service: it may join that service's open incident
        Map<String, Object> condition = awaitCondition(alarm, c -> true);
        assertThat(condition).containsEntry("severity", "P2").containsEntry("type", "unclassified");
        assertThat((Map<String, Object>) condition.get("labels")).containsEntry("namespace", "AWS/EC2")
                .containsEntry("metricName", "CPUUtilization").containsEntry("dimension.InstanceId", "i-12345678901234567");
        assertThat(new TopicReader(kafka).events(Topics.SIGNALS, SignalReceived.class))
                .filteredOn(s -> alarm.equals(s.title())).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(99.50160229693434);
                    assertThat(s.threshold()).isEqualTo(50.0);
                });
    }

    @Test
    void anEcsCpuAlarmFeedsTheScalingRulesAsThroughSns() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = fixture("eventbridge-cloudwatch-alarm-state-change-single-metric.awsdocs.json");
        event.put("id", UUID.randomUUID().toString());
        event.withObject("/detail").put("alarmName", service + "-cpu-high");
        ObjectNode metric = (ObjectNode) event.at("/detail/configuration/metrics/0/metricStat/metric");
        metric.put("namespace", "AWS/ECS");
        metric.putObject("dimensions").put("ClusterName", "t-developer-cluster").put("ServiceName", service);

        post(event).then().statusCode(202);

        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(new TopicReader(kafka).events(Topics.RECOMMENDATIONS, ScalingRecommended.class))
                        .filteredOn(r -> r.service().equals(service)).singleElement()
                        .satisfies(r -> {
                            assertThat(r.direction()).isEqualTo(ScalingDirection.OUT);
                            assertThat(r.metric()).isEqualTo("AWS/ECS CPUUtilization");
                            assertThat(r.value()).isEqualTo(99.50160229693434);
                        }));
        assertThat(incidentsTitled(service + "-cpu-high")).isEmpty();
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        ObjectNode event = fixture("eventbridge-cloudwatch-alarm-state-change-single-metric.awsdocs.json");
        String alarm = "Redelivered-" + UUID.randomUUID();
        event.withObject("/detail").put("alarmName", alarm);
        event.put("id", UUID.randomUUID().toString());

        String first = post(event).then().statusCode(202).extract().path("signals[0].signalId");
        String again = post(event).then().statusCode(202).extract().path("signals[0].signalId");

        assertThat(again).isEqualTo(first);
        // a later delivery of the alarm (another id) proves the consumer is past the redelivered one
        event.put("id", UUID.randomUUID().toString());
        post(event).then().statusCode(202);
        Map<String, Object> condition = awaitCondition(alarm, c -> ((Number) c.get("signalCount")).intValue() >= 2);
        assertThat(((Number) condition.get("signalCount")).intValue()).isEqualTo(2);
    }

    @Test
    void anAgentsContainerExitingWithAnErrorIsThatAgentFailingAndARunningTaskClearsIt() {
        String cluster = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode stopped = task(cluster, "t-developer-parser-agent", "STOPPED", 1);
        ObjectNode other = task(cluster, "sidecar-logger", "STOPPED", 137);
        ArrayNode batch = JSON.createArrayNode().add(stopped).add(other);

        post(batch).then().statusCode(202).body("signals.size()", equalTo(1)).body("ignored", equalTo(1));

        String title = "agent parser failing: container t-developer-parser-agent exited with 1";
        Map<String, Object> condition = awaitCondition(title, c -> cluster.equals(labelsOf(c).get("cluster")));
        assertThat(condition).containsEntry("severity", "P2").containsEntry("type", "agent-failure")
                .containsEntry("agent", "parser").containsEntry("status", "FIRING");

        post(task(cluster, "t-developer-parser-agent", "RUNNING", null)).then().statusCode(202);
        awaitCondition(title, c -> cluster.equals(labelsOf(c).get("cluster")) && "CLEARED".equals(c.get("status")));
    }

    @Test
    void theRunningTaskFixtureOfNoKnownAgentMeansNothing() {
        post(fixture("eventbridge-ecs-task-state-change-running.awsdocs.json")).then().statusCode(202)
                .body("signals.size()", equalTo(0)).body("ignored", equalTo(1));
    }

    @Test
    void aFailedDeploymentAndPlacementFailuresOfOneServiceAreOneIncidentAndSteadyStateClearsThem() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode failed = fixture("eventbridge-ecs-deployment-state-change-in-progress.awsdocs.json");
        failed.withObject("/detail").put("eventName", "SERVICE_DEPLOYMENT_FAILED").put("eventType", "ERROR")
                .put("reason", "ECS deployment circuit breaker: tasks failed to start.");
        ObjectNode placement = fixture("eventbridge-ecs-service-action-task-placement-failure.awsdocs.json");
        for (ObjectNode event : List.of(failed, placement)) {
            event.put("id", UUID.randomUUID().toString());
            event.putArray("resources").add("arn:aws:ecs:us-west-2:111122223333:service/default/" + service);
        }

        post(failed).then().statusCode(202);
        post(placement).then().statusCode(202);

        Map<String, Object> incident = awaitIncident("deployment of " + service + " failed", i -> true);
        assertThat(incident).containsEntry("severity", "P1").containsEntry("type", "degradation");
        String id = (String) incident.get("id");
        JsonPath detail = as("viewer").get("/incidents/{id}", id).jsonPath();
        await().until(() -> as("viewer").get("/incidents/{id}", id).jsonPath()
                .getList("conditions").size() == 2);

        ObjectNode completed = fixture("eventbridge-ecs-deployment-state-change-completed.awsdocs.json");
        ObjectNode steady = fixture("eventbridge-ecs-service-action-steady-state.awsdocs.json");
        for (ObjectNode event : List.of(completed, steady)) {
            event.put("id", UUID.randomUUID().toString());
            event.putArray("resources").add("arn:aws:ecs:us-west-2:111122223333:service/default/" + service);
        }
        post(JSON.createArrayNode().add(completed).add(steady))
                .then().statusCode(202).body("signals.size()", equalTo(2));

        awaitIncident("deployment of " + service + " failed", i -> "RESOLVED".equals(i.get("status")));
        assertThat(detail.getString("status")).isEqualTo("OPEN");
    }

    @Test
    void theInProgressDeploymentFixtureMeansNothing() {
        post(fixture("eventbridge-ecs-deployment-state-change-in-progress.awsdocs.json")).then().statusCode(202)
                .body("ignored", equalTo(1));
    }

    @Test
    void aGuardDutyFindingIsASecurityIncidentAndS3ExfiltrationIsADataLoss() {
        ObjectNode recon = fixture("eventbridge-guardduty-finding-recon-portprobe.steveyttt.json");
        String reconTitle = "Unprotected port probed " + UUID.randomUUID();
        recon.withObject("/detail").put("title", reconTitle).put("id", UUID.randomUUID().toString());
        // a finding is identified by its type and resource: another instance is another finding
        recon.withObject("/detail/resource/instanceDetails").put("instanceId", "i-" + UUID.randomUUID());
        recon.put("id", UUID.randomUUID().toString());

        post(recon).then().statusCode(202);

        assertThat(awaitCondition(reconTitle, c -> true)).containsEntry("severity", "P1").containsEntry("type", "security");

        ObjectNode leak = fixture("eventbridge-guardduty-finding-recon-portprobe.steveyttt.json");
        String bucket = "t-developer-projects-production-" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode detail = leak.withObject("/detail");
        detail.put("type", "Exfiltration:S3/ObjectRead.Unusual").put("title", "Unusual reads from " + bucket)
                .put("id", UUID.randomUUID().toString()).put("severity", 8);
        ObjectNode resource = detail.putObject("resource").put("resourceType", "S3Bucket");
        resource.putArray("s3BucketDetails").addObject().put("name", bucket).put("type", "Destination");
        leak.put("id", UUID.randomUUID().toString());

        post(leak).then().statusCode(202);

        Map<String, Object> loss = awaitCondition("Unusual reads from " + bucket, c -> true);
        assertThat(loss).containsEntry("severity", "P0").containsEntry("type", "data-loss");
        assertThat(labelsOf(loss)).containsEntry("bucket", bucket);
    }

    @Test
    void aChangeToASecurityGroupOfTheServiceIsASecurityIncidentNamedThroughEc2() {
        String groupId = "sg-" + UUID.randomUUID().toString().substring(0, 12);
        String otherId = "sg-" + UUID.randomUUID().toString().substring(0, 12);
        stubGroup(groupId, "t-developer-alb-sg");
        stubGroup(otherId, "unrelated-web-sg");
        ObjectNode change = fixture("eventbridge-cloudtrail-authorize-security-group-ingress.reflex.json");
        change.withObject("/detail/requestParameters").put("groupId", groupId);
        change.put("id", UUID.randomUUID().toString());
        ObjectNode unrelated = change.deepCopy();
        unrelated.withObject("/detail/requestParameters").put("groupId", otherId);
        unrelated.put("id", UUID.randomUUID().toString());

        post(JSON.createArrayNode().add(change).add(unrelated))
                .then().statusCode(202).body("signals.size()", equalTo(1)).body("ignored", equalTo(1));

        // security signals of the service correlate: this one may join another open security incident
        Map<String, Object> incident = awaitIncidentWithCondition(
                "AuthorizeSecurityGroupIngress on security group t-developer-alb-sg (" + groupId + ")");
        assertThat(incident).containsEntry("type", "security");
        assertThat((List<Map<String, Object>>) incident.get("conditions"))
                .filteredOn(c -> ((String) c.get("title")).contains(groupId)).singleElement()
                .satisfies(c -> {
                    assertThat(c).containsEntry("severity", "P1").containsEntry("rule", "security-group-changed");
                    assertThat((Map<String, Object>) c.get("labels")).containsEntry("openedTo", "0.0.0.0/0,::/0");
                });
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeSecurityGroups"))
                .withRequestBody(containing("GroupId.1=" + groupId)));
    }

    @Test
    void unknownEventTypesAndBrokenEventsAreRefusedWhole() {
        ObjectNode good = fixture("eventbridge-guardduty-finding-recon-portprobe.steveyttt.json");
        String title = "never taken " + UUID.randomUUID();
        good.withObject("/detail").put("title", title);
        ObjectNode unknown = fixture("eventbridge-ecs-service-action-steady-state.awsdocs.json");
        unknown.put("detail-type", "EC2 Spot Instance Interruption Warning");
        ObjectNode broken = fixture("eventbridge-ecs-service-action-steady-state.awsdocs.json");
        broken.remove("detail");
        broken.put("time", "yesterday");

        post(JSON.createArrayNode().add(good).add(unknown).add(broken))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].detail-type"))
                .body("errors.field", hasItem("[2].time"))
                .body("detail", containsString("EC2 Spot Instance Interruption Warning"));
        as("intake").contentType(ContentType.JSON).body("{\"id\": ").post("/intake/eventbridge").then().statusCode(400);
        as("intake").contentType(ContentType.JSON).body("[]").post("/intake/eventbridge").then().statusCode(400);
        as("viewer").contentType(ContentType.JSON).body(good.toString()).post("/intake/eventbridge").then().statusCode(403);

        assertThat(incidentsTitled(title)).isEmpty();
    }

    private static Map<String, Object> labelsOf(Map<String, Object> condition) {
        return (Map<String, Object>) condition.get("labels");
    }

    private void stubGroup(String groupId, String name) {
        String body = Payloads.awsResponse("DescribeSecurityGroups.response.xml")
                .replace("sg-0123456789abcdef0", groupId).replace("<groupName>web-sg</groupName>",
                        "<groupName>" + name + "</groupName>");
        aws.stubFor(WireMock.post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeSecurityGroups"))
                .withRequestBody(containing("GroupId.1=" + groupId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private static ObjectNode task(String cluster, String container, String status, Integer exitCode) {
        ObjectNode event = fixture("eventbridge-ecs-task-state-change-running.awsdocs.json");
        event.put("id", UUID.randomUUID().toString());
        ObjectNode detail = event.withObject("/detail");
        detail.put("clusterArn", "arn:aws:ecs:us-west-2:111122223333:cluster/" + cluster);
        detail.put("lastStatus", status).put("desiredStatus", status);
        if ("STOPPED".equals(status)) {
            detail.put("stopCode", "EssentialContainerExited").put("stoppedReason", "Essential container in task exited");
        }
        ObjectNode first = (ObjectNode) detail.withArray("containers").get(0);
        first.put("name", container).put("lastStatus", status);
        if (exitCode != null) {
            first.put("exitCode", exitCode);
        }
        return event;
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Payloads.json(name).deepCopy();
    }

    private static Response post(JsonNode body) {
        return as("intake").contentType(ContentType.JSON).body(body.toString()).post("/intake/eventbridge");
    }
}
