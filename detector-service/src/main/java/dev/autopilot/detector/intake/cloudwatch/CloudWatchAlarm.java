package dev.autopilot.detector.intake.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CloudWatch alarm state change as CloudWatch publishes it to SNS (the {@code Message} of the notification).
 *
 * <p>Both forms: a single metric ({@code Trigger.MetricName}, {@code Namespace}, {@code Dimensions}) and metric
 * math ({@code Trigger.Metrics[]}: the metric is the first {@code MetricStat}, the expression the returned one).
 *
 * @param dimensions the metric's dimensions, by name (sorted, so the fingerprint is stable)
 * @param expression the metric-math expression the alarm watches, for metric-math alarms
 */
public record CloudWatchAlarm(
        String alarmName,
        String alarmDescription,
        String accountId,
        String region,
        String alarmArn,
        SignalStatus newState,
        String oldState,
        String reason,
        Instant stateChangeTime,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        Double threshold,
        String comparisonOperator,
        String expression) {

    /** CloudWatch writes {@code 2015-06-03T17:43:27.123+0000}: an offset without a colon. */
    private static final DateTimeFormatter STATE_CHANGE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    /** Reads the alarm from the notification's message; throws a 400 naming every problem. */
    public static CloudWatchAlarm parse(JsonNode json) {
        JsonFields fields = JsonFields.root("Message");
        if (json == null || !json.isObject()) {
            fields.error("body", "must be a CloudWatch alarm (a JSON object with AlarmName and NewStateValue)");
            fields.throwIfInvalid("The SNS message");
        }
        String alarmName = fields.requiredText(json, "AlarmName");
        String state = fields.requiredText(json, "NewStateValue");
        SignalStatus status = state == null ? null : switch (state) {
            case "ALARM" -> SignalStatus.FIRING;
            case "OK" -> SignalStatus.RESOLVED;
            case "INSUFFICIENT_DATA" -> SignalStatus.INSUFFICIENT_DATA;
            default -> {
                fields.error("NewStateValue", "must be ALARM, OK or INSUFFICIENT_DATA, not " + state);
                yield null;
            }
        };
        String changeTime = fields.requiredText(json, "StateChangeTime");
        Instant stateChangeTime = null;
        if (changeTime != null) {
            stateChangeTime = parseTime(changeTime);
            if (stateChangeTime == null) {
                fields.error("StateChangeTime", "must be a time like 2015-06-03T17:43:27.123+0000, not " + changeTime);
            }
        }
        JsonFields triggerFields = fields.nested("Trigger");
        JsonNode trigger = fields.optionalObject(json, "Trigger");
        Map<String, String> dimensions = new TreeMap<>();
        String namespace = null;
        String metricName = null;
        Double threshold = null;
        String comparison = null;
        String expression = null;
        if (trigger != null) {
            threshold = triggerFields.optionalNumber(trigger, "Threshold");
            comparison = triggerFields.optionalText(trigger, "ComparisonOperator");
            JsonNode metrics = triggerFields.optionalArray(trigger, "Metrics");
            JsonNode metric = trigger;
            JsonFields metricFields = triggerFields;
            if (metrics != null) {
                // a metric-math alarm: the metric is the one its returned expression is built on (the first stat)
                JsonNode stat = null;
                for (int i = 0; i < metrics.size(); i++) {
                    JsonNode query = metrics.get(i);
                    if (query.path("ReturnData").asBoolean(false) && query.hasNonNull("Expression")) {
                        expression = query.get("Expression").asText();
                    }
                    if (stat == null && query.path("MetricStat").path("Metric").isObject()) {
                        stat = query.get("MetricStat").get("Metric");
                        metricFields = triggerFields.nested("Metrics[" + i + "].MetricStat.Metric");
                    }
                }
                if (stat == null) {
                    triggerFields.error("Metrics", "must hold at least one MetricStat");
                }
                metric = stat;
            }
            if (metric != null) {
                namespace = metricFields.optionalText(metric, "Namespace");
                metricName = metricFields.optionalText(metric, "MetricName");
                JsonNode list = metricFields.optionalArray(metric, "Dimensions");
                if (list != null) {
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode dimension = list.get(i);
                        // SNS alarm messages spell these in lower case; EventBridge and the API capitalise them
                        String name = text(dimension, "name", "Name");
                        String value = text(dimension, "value", "Value");
                        if (name == null || value == null) {
                            metricFields.error("Dimensions[" + i + "]", "must have a name and a value");
                        } else {
                            dimensions.put(name, value);
                        }
                    }
                }
            }
        }
        fields.throwIfInvalid("The CloudWatch alarm");
        return new CloudWatchAlarm(alarmName, fields.optionalText(json, "AlarmDescription"),
                fields.optionalText(json, "AWSAccountId"), fields.optionalText(json, "Region"),
                fields.optionalText(json, "AlarmArn"), status, fields.optionalText(json, "OldStateValue"),
                fields.optionalText(json, "NewStateReason"), stateChangeTime, namespace, metricName,
                Map.copyOf(dimensions), threshold, comparison, expression);
    }

    /** What identifies this alarm across its notifications: its name and its metric's dimensions. */
    public String fingerprint() {
        StringBuilder fingerprint = new StringBuilder("cloudwatch:").append(alarmName);
        new TreeMap<>(dimensions).forEach((name, value) -> fingerprint.append(':').append(name).append('=').append(value));
        return fingerprint.toString();
    }

    /** The alarm's attributes as signal labels. */
    public Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>();
        labels.put("alarmName", alarmName);
        put(labels, "namespace", namespace);
        put(labels, "metricName", metricName);
        put(labels, "region", region);
        put(labels, "accountId", accountId);
        put(labels, "alarmArn", alarmArn);
        put(labels, "previousState", oldState);
        put(labels, "comparisonOperator", comparisonOperator);
        put(labels, "expression", expression);
        dimensions.forEach((name, value) -> labels.put("dimension." + name, value));
        return labels;
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(name, value);
        }
    }

    private static String text(JsonNode node, String name, String alternative) {
        JsonNode value = node.hasNonNull(name) ? node.get(name) : node.get(alternative);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    public static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text, STATE_CHANGE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
