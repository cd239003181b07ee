package dev.autopilot.reporting.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.autopilot.testing.Cbor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Every AWS source of the reports, answered by the stub the way each service's wire protocol answers. */
final class AwsStubs {

    static final String BUCKET = "/t-developer-projects-production";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer aws;

    AwsStubs(WireMockServer aws) {
        this.aws = aws;
        aws.resetAll();
    }

    void ecs() {
        json11("AmazonEC2ContainerServiceV20141113.DescribeServices", file("ecs-DescribeServices.json"));
    }

    void alarms() {
        aws.stubFor(Cbor.cloudWatch("DescribeAlarms").willReturn(Cbor.ok(Cbor.write(g -> {
            g.writeStartObject();
            g.writeFieldName("MetricAlarms");
            g.writeStartArray();
            alarm(g, "t-developer-5xx-high", "Threshold Crossed: 1 datapoint [12.0] was greater than 10.0");
            alarm(g, "billing-estimated-charges", "Threshold Crossed");
            g.writeEndArray();
            g.writeFieldName("CompositeAlarms");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
        }))));
    }

    void pipelineMetrics(List<Instant> days) {
        aws.stubFor(Cbor.cloudWatch("GetMetricData").willReturn(Cbor.ok(Cbor.metricData(List.of(
                new Cbor.MetricSeries("time", "PipelineExecutionTime", days, List.of(31.5, 38.5)),
                new Cbor.MetricSeries("success", "GenerationSuccess", days, List.of(120.0, 80.0)))))));
    }

    /** GetMetricData answering with the given results, whatever was asked. */
    void metricData(List<Cbor.MetricSeries> series) {
        aws.stubFor(Cbor.cloudWatch("GetMetricData").willReturn(Cbor.ok(Cbor.metricData(series))));
    }

    /**
     * The metadata table's {@code user_id} Scan answering in two pages: the first (asked without a start key) says
     * the scan goes on after {@code p-3}, the second (asked from {@code p-3}) ends it.
     */
    void usersInTwoPages(List<String> firstPage, List<String> secondPage) {
        aws.stubFor(post("/").atPriority(5).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.Scan"))
                .withRequestBody(matchingJsonPath("$.ProjectionExpression", equalTo("user_id")))
                .willReturn(json10(users(firstPage, "p-3"))));
        aws.stubFor(post("/").atPriority(1).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.Scan"))
                .withRequestBody(matchingJsonPath("$.ProjectionExpression", equalTo("user_id")))
                .withRequestBody(matchingJsonPath("$.ExclusiveStartKey.id.S", equalTo("p-3")))
                .willReturn(json10(users(secondPage, null))));
    }

    void logs() {
        json11("Logs_20140328.FilterLogEvents", file("logs-FilterLogEvents.json"));
        json11("Logs_20140328.DescribeLogGroups", file("logs-DescribeLogGroups.json"));
    }

    /**
     * FilterLogEvents answering in two pages: the first (asked without a token) says {@code page-2} comes next; each
     * message an event of its own stream.
     */
    void errorLogs(List<String> firstPage, List<String> secondPage) {
        aws.stubFor(post("/").atPriority(5).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .willReturn(json11(events(firstPage, "page-2"))));
        aws.stubFor(post("/").atPriority(1).withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
                .willReturn(json11(events(secondPage, null))));
    }

    void bucket() {
        aws.stubFor(get(urlPathEqualTo(BUCKET)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(file("s3-ListObjectsV2.xml"))));
    }

    void bucketMissing() {
        aws.stubFor(get(urlPathEqualTo(BUCKET)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml").withBody(file("s3-NoSuchBucket.xml"))));
    }

    void metadataTable() {
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.Scan"))
                .withRequestBody(matchingJsonPath("$.Select", equalTo("COUNT")))
                .willReturn(json10("{\"Count\": 42, \"ScannedCount\": 300}")));
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.Scan"))
                .withRequestBody(matchingJsonPath("$.ProjectionExpression", equalTo("user_id")))
                .willReturn(json10("{\"Items\": [{\"user_id\": {\"S\": \"u-1\"}}, {\"user_id\": {\"S\": \"u-2\"}},"
                        + " {\"user_id\": {\"S\": \"u-1\"}}], \"Count\": 3, \"ScannedCount\": 300}")));
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListBackups"))
                .willReturn(json10(file("dynamodb-ListBackups.json"))));
    }

    void images() {
        json11("AmazonEC2ContainerRegistry_V20150921.DescribeImages", file("ecr-DescribeImages.json"));
    }

    private void json11(String target, String body) {
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).willReturn(json11(body)));
    }

    private static ResponseDefinitionBuilder json11(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static String events(List<String> messages, String nextToken) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode events = page.putArray("events");
        for (int i = 0; i < messages.size(); i++) {
            events.addObject().put("logStreamName", "ecs/web/" + i).put("timestamp", 1700000000000L + i)
                    .put("message", messages.get(i)).put("ingestionTime", 1700000000500L + i)
                    .put("eventId", String.valueOf(i));
        }
        page.putArray("searchedLogStreams");
        if (nextToken != null) {
            page.put("nextToken", nextToken);
        }
        return page.toString();
    }

    private static String users(List<String> userIds, String lastKey) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("Items");
        userIds.forEach(user -> items.addObject().putObject("user_id").put("S", user));
        page.put("Count", userIds.size()).put("ScannedCount", 100);
        if (lastKey != null) {
            page.putObject("LastEvaluatedKey").putObject("id").put("S", lastKey);
        }
        return page.toString();
    }

    private static ResponseDefinitionBuilder json10(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
    }

    private static void alarm(CBORGenerator g, String name, String reason) throws IOException {
        g.writeStartObject();
        g.writeStringField("AlarmName", name);
        g.writeStringField("StateValue", "ALARM");
        g.writeStringField("StateReason", reason);
        g.writeFieldName("StateUpdatedTimestamp");
        Cbor.timestamp(g, Instant.parse("2026-11-25T22:13:20Z"));
        g.writeStringField("MetricName", "HTTPCode_Target_5XX_Count");
        g.writeEndObject();
    }

    static String file(String name) {
        try (InputStream in = AwsStubs.class.getResourceAsStream("/aws/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
