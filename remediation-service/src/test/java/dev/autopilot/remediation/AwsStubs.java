package dev.autopilot.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.testing.Cbor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * AWS as the tests need it, on the WireMock server every SDK client of the service talks to: the response bodies
 * the SDK 2.57.8 was seen to parse (copied into {@code src/test/resources/aws/}), rendered for each test's own
 * service, family, alarm or bucket, so tests never see each other's requests.
 */
public final class AwsStubs {

    public static final String CLUSTER = "t-developer-cluster-production";
    public static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09";
    public static final String ALERTS_TOPIC = "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production";
    public static final String METADATA_TABLE = "t-developer-metadata-production";
    public static final String API_KEY_SECRET = "t-developer/production/api-keys";
    public static final String LOAD_BALANCER = "app/t-developer-alb-production/50dc6c495c0c9188";

    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String SECRETS = "secretsmanager.";
    private static final String ACCOUNT = "arn:aws:ecs:us-east-1:123456789012:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsStubs() {
    }

    /**
     * An ECS service's state as DescribeServices answers it.
     *
     * @param family       its task definition family
     * @param revision     its task definition revision
     * @param desired      desired tasks
     * @param running      running tasks
     * @param deployments  how many deployments (2 while a rollout goes on)
     * @param deployedAt   when its primary deployment was created
     * @param rolloutState the primary deployment's rollout state
     */
    public record EcsState(String family, int revision, int desired, int running, int deployments, Instant deployedAt,
            String rolloutState) {

        public static EcsState stable(String family, int revision, int count, Instant deployedAt) {
            return new EcsState(family, revision, count, count, 1, deployedAt, "COMPLETED");
        }

        public EcsState failing() {
            return new EcsState(family, revision, desired, 0, deployments, deployedAt, rolloutState);
        }

        public EcsState rollingOut() {
            return new EcsState(family, revision, desired, Math.max(0, desired - 1), 2, deployedAt, "IN_PROGRESS");
        }

        public EcsState withDesired(int count) {
            return new EcsState(family, revision, count, count, deployments, deployedAt, rolloutState);
        }
    }

    /** What every test may rely on: healthy targets, SNS, DynamoDB backups, Secrets Manager, the admin endpoints. */
    public static void defaults(WireMockServer aws) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(xml(resource("elbv2-DescribeTargetHealth.xml")
                        .replace("<State>unhealthy</State><Reason>Target.ResponseCodeMismatch</Reason>",
                                "<State>healthy</State>"))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(xml(resource("sns-Publish.xml"))));
        aws.stubFor(dynamoDb("CreateBackup").willReturn(json("application/x-amz-json-1.0",
                read("dynamodb-CreateBackup.json"))));
        requestCounts(aws, LOAD_BALANCER, 100, 100, 100);
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(json("application/x-amz-json-1.1", read("logs-FilterLogEvents.json"))));
        aws.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(204)));
        aws.stubFor(post("/admin/invalidate-sessions").willReturn(aResponse().withStatus(204)));
    }

    // --- ECS ---

    public static MappingBuilder ecs(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + operation));
    }

    /**
     * The service answers {@code before} until an UpdateService of it, then {@code after}: a rollback or a scaling
     * that takes effect. Each call starts a scenario of its own, which takes over from the earlier ones.
     */
    public static void ecsService(WireMockServer aws, String service, EcsState before, EcsState after) {
        ecsService(aws, CLUSTER, service, before, after);
    }

    /** The same, for a service of another cluster. */
    public static void ecsService(WireMockServer aws, String cluster, String service, EcsState before,
            EcsState after) {
        String scenario = "ecs:" + cluster + "/" + service + ":" + java.util.UUID.randomUUID();
        aws.stubFor(ecs("DescribeServices").withRequestBody(matchingJsonPath("$.services[0]", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ecsJson(describeServices(service, before))));
        aws.stubFor(ecs("DescribeServices").withRequestBody(matchingJsonPath("$.services[0]", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).whenScenarioStateIs("updated")
                .willReturn(ecsJson(describeServices(service, after))));
        aws.stubFor(ecs("UpdateService").withRequestBody(matchingJsonPath("$.service", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .inScenario(scenario).willSetStateTo("updated")
                .willReturn(updated(service, after)));
    }

    /** An UpdateService answer: the service as it is after the update. */
    public static ResponseDefinitionBuilder updated(String service, EcsState after) {
        ObjectNode updated = read("ecs-UpdateService.json");
        updated.set("service", describeServices(service, after).get("services").get(0));
        return ecsJson(updated);
    }

    /** From now on, the service answers {@code state} whatever happens (it became stable, or another rollout began). */
    public static void ecsServiceNow(WireMockServer aws, String service, EcsState state) {
        aws.stubFor(ecs("DescribeServices").withRequestBody(matchingJsonPath("$.services[0]", equalTo(service)))
                .willReturn(ecsJson(describeServices(service, state))));
    }

    /** The family's ACTIVE revisions, newest first, and each one described as ACTIVE. */
    public static void activeRevisions(WireMockServer aws, String family, int... newestFirst) {
        ObjectNode list = JSON.createObjectNode();
        ArrayNode arns = list.putArray("taskDefinitionArns");
        for (int revision : newestFirst) {
            arns.add(ACCOUNT + "task-definition/" + family + ":" + revision);
            ObjectNode described = read("ecs-DescribeTaskDefinition.json");
            ObjectNode definition = (ObjectNode) described.get("taskDefinition");
            definition.put("taskDefinitionArn", ACCOUNT + "task-definition/" + family + ":" + revision);
            definition.put("family", family);
            definition.put("revision", revision);
            aws.stubFor(ecs("DescribeTaskDefinition")
                    .withRequestBody(matchingJsonPath("$.taskDefinition", equalTo(family + ":" + revision)))
                    .willReturn(ecsJson(described)));
        }
        // a family that shares the prefix must not be chosen
        arns.add(ACCOUNT + "task-definition/" + family + "-worker:1");
        aws.stubFor(ecs("ListTaskDefinitions").withRequestBody(matchingJsonPath("$.familyPrefix", equalTo(family)))
                .willReturn(ecsJson(list)));
    }

    public static ObjectNode describeServices(String service, EcsState state) {
        ObjectNode body = read("ecs-DescribeServices.json");
        ObjectNode described = (ObjectNode) body.get("services").get(0);
        String taskDefinition = ACCOUNT + "task-definition/" + state.family() + ":" + state.revision();
        described.put("serviceArn", ACCOUNT + "service/" + CLUSTER + "/" + service);
        described.put("serviceName", service);
        described.put("clusterArn", ACCOUNT + "cluster/" + CLUSTER);
        described.put("desiredCount", state.desired());
        described.put("runningCount", state.running());
        described.put("pendingCount", state.desired() - state.running());
        described.put("taskDefinition", taskDefinition);
        ArrayNode deployments = described.putArray("deployments");
        ObjectNode primary = deployments.addObject();
        primary.put("id", "ecs-svc/" + state.revision());
        primary.put("status", "PRIMARY");
        primary.put("taskDefinition", taskDefinition);
        primary.put("desiredCount", state.desired());
        primary.put("runningCount", state.running());
        primary.put("rolloutState", state.rolloutState());
        primary.put("createdAt", state.deployedAt().getEpochSecond() + state.deployedAt().getNano() / 1e9);
        for (int i = 1; i < state.deployments(); i++) {
            ObjectNode older = deployments.addObject();
            older.put("id", "ecs-svc/older-" + i);
            older.put("status", "ACTIVE");
            older.put("taskDefinition", ACCOUNT + "task-definition/" + state.family() + ":" + (state.revision() + i));
            older.put("desiredCount", 0);
            older.put("runningCount", 1);
            older.put("createdAt", state.deployedAt().minusSeconds(600L * i).getEpochSecond());
        }
        return body;
    }

    /** The ECS requests of an operation whose body matches, as JSON, in the order they came. */
    public static List<JsonNode> ecsRequests(WireMockServer aws, String operation, Predicate<JsonNode> which) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + operation)))
                .stream().map(AwsStubs::body).filter(which).toList();
    }

    /**
     * The service of the cluster runs these tasks (ListTasks of its RUNNING ones answers their ARNs), and StopTask of
     * any task of the cluster answers it stopping.
     */
    public static void runningTasks(WireMockServer aws, String cluster, String service, String... taskArns) {
        ObjectNode listed = JSON.createObjectNode();
        ArrayNode arns = listed.putArray("taskArns");
        for (String arn : taskArns) {
            arns.add(arn);
        }
        aws.stubFor(ecs("ListTasks").withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                .withRequestBody(matchingJsonPath("$.serviceName", equalTo(service)))
                .willReturn(ecsJson(listed)));
        for (String arn : taskArns) {
            ObjectNode stopped = JSON.createObjectNode();
            stopped.putObject("task").put("taskArn", arn).put("clusterArn", ACCOUNT + "cluster/" + cluster)
                    .put("lastStatus", "RUNNING").put("desiredStatus", "STOPPED");
            aws.stubFor(ecs("StopTask").withRequestBody(matchingJsonPath("$.cluster", equalTo(cluster)))
                    .withRequestBody(matchingJsonPath("$.task", equalTo(arn)))
                    .willReturn(ecsJson(stopped)));
        }
    }

    /** An ECS error answer, e.g. {@code ThrottlingException} (400) or {@code ServerException} (500). */
    public static ResponseDefinitionBuilder ecsError(int status, String type, String message) {
        ObjectNode error = JSON.createObjectNode().put("__type", type).put("message", message);
        return ecsJson(error).withStatus(status);
    }

    public static ResponseDefinitionBuilder ecsJson(JsonNode body) {
        return json("application/x-amz-json-1.1", body);
    }

    // --- CloudWatch (CBOR) ---

    /** A metric alarm on the service's CPU: Average above {@code threshold} for one 60-second period. */
    public static void cpuAlarm(WireMockServer aws, String alarmName, String service, double threshold) {
        aws.stubFor(Cbor.cloudWatch("DescribeAlarms")
                .andMatching(request -> MatchResult.of(alarmName.equals(
                        Cbor.read(request.getBody()).path("AlarmNames").path(0).asText())))
                .willReturn(Cbor.ok(Cbor.write(g -> {
                    g.writeStartObject();
                    g.writeFieldName("MetricAlarms");
                    g.writeStartArray();
                    g.writeStartObject();
                    g.writeStringField("AlarmName", alarmName);
                    g.writeStringField("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarmName);
                    g.writeStringField("StateValue", "ALARM");
                    g.writeStringField("MetricName", "CPUUtilization");
                    g.writeStringField("Namespace", "AWS/ECS");
                    g.writeStringField("Statistic", "Average");
                    g.writeFieldName("Dimensions");
                    g.writeStartArray();
                    g.writeStartObject();
                    g.writeStringField("Name", "ServiceName");
                    g.writeStringField("Value", service);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeNumberField("Period", 60);
                    g.writeNumberField("EvaluationPeriods", 1);
                    g.writeNumberField("Threshold", threshold);
                    g.writeStringField("ComparisonOperator", "GreaterThanThreshold");
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeFieldName("CompositeAlarms");
                    g.writeStartArray();
                    g.writeEndArray();
                    g.writeEndObject();
                }))));
    }

    /** The service's CPU now: GetMetricStatistics of CPUUtilization for it answers this value. */
    public static void cpu(WireMockServer aws, String service, double percent) {
        aws.stubFor(Cbor.cloudWatch("GetMetricStatistics")
                .andMatching(request -> MatchResult.of(metricRequest(request.getBody(), "CPUUtilization", service)))
                .willReturn(Cbor.ok(Cbor.metricStatistics("CPUUtilization", "Average",
                        Map.of(Instant.now().minusSeconds(30), percent), "Percent"))));
    }

    /** The load balancer's request counts per period, oldest first. */
    public static void requestCounts(WireMockServer aws, String loadBalancer, double... oldestFirst) {
        Map<Instant, Double> points = new LinkedHashMap<>();
        Instant start = Instant.now().minusSeconds(300L * oldestFirst.length);
        for (int i = 0; i < oldestFirst.length; i++) {
            points.put(start.plusSeconds(300L * i), oldestFirst[i]);
        }
        aws.stubFor(Cbor.cloudWatch("GetMetricStatistics")
                .andMatching(request -> MatchResult.of(metricRequest(request.getBody(), "RequestCount", loadBalancer)))
                .willReturn(Cbor.ok(Cbor.metricStatistics("RequestCount", "Sum", points, "Count"))));
    }

    private static boolean metricRequest(byte[] body, String metric, String dimensionValue) {
        JsonNode request = Cbor.read(body);
        if (!metric.equals(request.path("MetricName").asText())) {
            return false;
        }
        for (JsonNode dimension : request.path("Dimensions")) {
            if (dimensionValue.equals(dimension.path("Value").asText())) {
                return true;
            }
        }
        return false;
    }

    // --- DynamoDB, Secrets Manager, S3 ---

    public static MappingBuilder dynamoDb(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DYNAMODB + operation));
    }

    /** The DynamoDB requests of an operation, as JSON. */
    public static List<JsonNode> dynamoDbRequests(WireMockServer aws, String operation) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DYNAMODB + operation)))
                .stream().map(AwsStubs::body).toList();
    }

    public static void listBackups(WireMockServer aws, String table) {
        aws.stubFor(dynamoDb("ListBackups").withRequestBody(matchingJsonPath("$.TableName", equalTo(table)))
                .willReturn(json("application/x-amz-json-1.0", read("dynamodb-ListBackups.json"))));
    }

    public static MappingBuilder secretsManager(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SECRETS + operation));
    }

    /** The secret, whose current version is {@code current}, rotates to {@code next}. */
    public static void secret(WireMockServer aws, String secretId, String current, String next) {
        ObjectNode described = JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                + secretId + "-AbCdEf").put("Name", secretId);
        described.putObject("VersionIdsToStages").putArray(current).add("AWSCURRENT");
        aws.stubFor(secretsManager("DescribeSecret").withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .willReturn(json("application/x-amz-json-1.1", described)));
        ObjectNode rotated = read("secretsmanager-RotateSecret.json");
        rotated.put("Name", secretId).put("VersionId", next);
        aws.stubFor(secretsManager("RotateSecret").withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .willReturn(json("application/x-amz-json-1.1", rotated)));
        aws.stubFor(secretsManager("UpdateSecretVersionStage")
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .willReturn(json("application/x-amz-json-1.1", JSON.createObjectNode().put("Name", secretId))));
    }

    /** The Secrets Manager requests of an operation, as JSON. */
    public static List<JsonNode> secretsRequests(WireMockServer aws, String operation) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(SECRETS + operation)))
                .stream().map(AwsStubs::body).toList();
    }

    /** The bucket's policy (none when null); PutBucketPolicy and DeleteBucketPolicy of it succeed. */
    public static void bucket(WireMockServer aws, String bucket, String policy) {
        String path = "/" + bucket + "?policy";
        aws.stubFor(get(urlEqualTo(path)).willReturn(policy == null
                ? aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
                        .withBody(resource("s3-NoSuchBucketPolicy.xml").replace("prod-artifacts", bucket))
                : aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(policy)));
        aws.stubFor(put(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        aws.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    }

    // --- helpers ---

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + request.getBodyAsString(), e);
        }
    }

    /** The form fields of an awsQuery request (SNS, ELBv2), decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The SNS Publish requests, as their form fields. */
    public static List<Map<String, String>> publishes(WireMockServer aws) {
        List<Map<String, String>> out = new ArrayList<>();
        aws.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .filter(r -> r.getBodyAsString().startsWith("Action=Publish"))
                .forEach(r -> out.add(form(r)));
        return out;
    }

    private static ResponseDefinitionBuilder json(String contentType, JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body.toString());
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ObjectNode read(String name) {
        try {
            return (ObjectNode) JSON.readTree(resource(name));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = AwsStubs.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource aws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
