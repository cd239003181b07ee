package dev.autopilot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Real payloads (copied from the shared fixtures, see {@code payloads/README.md}) and variants of them: an SNS
 * HTTP notification whose message is a real CloudWatch alarm, with the alarm's name, state and metric changed.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** A fixture's text, as it is. */
    public static String read(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture payloads/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An AWS response body the SDK parses, from {@code aws-responses/}. */
    public static String awsResponse(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/aws-responses/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture aws-responses/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON fixture, parsed, to change before posting. */
    public static JsonNode json(String name) {
        try {
            return JSON.readTree(read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real CloudWatch alarm message from the fixture, unchanged (AlarmName {@code EXAMPLE}, AWS/EC2 NetworkOut). */
    public static ObjectNode cloudWatchAlarm() {
        try {
            JsonNode record = JSON.readTree(read("sns-lambda-record-cloudwatch-alarm.aws-lambda-go.json"));
            return (ObjectNode) JSON.readTree(record.get("Records").get(0).get("Sns").get("Message").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's CloudWatch alarm with another name, state ({@code ALARM}, {@code OK}, ...) and metric. */
    public static ObjectNode cloudWatchAlarm(String alarmName, String state, String namespace, String metricName,
            Map<String, String> dimensions) {
        ObjectNode alarm = cloudWatchAlarm();
        alarm.put("AlarmName", alarmName);
        alarm.put("NewStateValue", state);
        alarm.put("OldStateValue", "ALARM".equals(state) ? "OK" : "ALARM");
        ObjectNode trigger = (ObjectNode) alarm.get("Trigger");
        trigger.put("Namespace", namespace);
        trigger.put("MetricName", metricName);
        ArrayNode list = trigger.putArray("Dimensions");
        dimensions.forEach((name, value) -> list.addObject().put("value", value).put("name", name));
        return alarm;
    }

    /** The SNS HTTP notification of the fixture, carrying the alarm as its message, with a fresh message id. */
    public static String snsNotification(JsonNode alarm) {
        return snsNotification(alarm, UUID.randomUUID().toString());
    }

    public static String snsNotification(JsonNode alarm, String messageId) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(read("sns-http-notification.awsdocs.json"));
            envelope.put("MessageId", messageId);
            envelope.put("Subject", "ALARM: \"" + alarm.path("AlarmName").asText() + "\"");
            envelope.put("Message", JSON.writeValueAsString(alarm));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runbook's P0 alarm on the managed load balancer: no healthy targets behind the ALB. */
    public static String healthyHostAlarm(String alarmName, String state, String messageId) {
        return healthyHostAlarm(alarmName, state, messageId, "app/t-developer-alb/50dc6c495c0c9188",
                "targetgroup/t-developer-tg/6d0ecf831eec9f09");
    }

    /**
     * The same alarm on another load balancer: the detector correlates alarms by the service they concern, so a
     * load balancer of its own keeps a test's incident apart from others.
     */
    public static String healthyHostAlarm(String alarmName, String state, String messageId, String loadBalancer,
            String targetGroup) {
        return snsNotification(cloudWatchAlarm(alarmName, state, "AWS/ApplicationELB", "HealthyHostCount",
                Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup)), messageId);
    }
}
