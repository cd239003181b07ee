package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchAlarm;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CloudWatch Alarm State Change}: the same alarm as through SNS, in EventBridge's shape (the metric under
 * {@code configuration.metrics[].metricStat.metric}, the threshold and latest datapoint in {@code reasonData}).
 */
@ApplicationScoped
public class AlarmStateChanges implements EventTranslator {

    private static final Pattern COMPARISON = Pattern.compile("(?:was|were) (?:not )?(greater|less) than( or equal to)? the threshold");

    private final CloudWatchSignals cloudWatch;
    private final ObjectMapper json;

    @Inject
    public AlarmStateChanges(CloudWatchSignals cloudWatch, ObjectMapper json) {
        this.cloudWatch = cloudWatch;
        this.json = json;
    }

    @Override
    public String detailType() {
        return "CloudWatch Alarm State Change";
    }

    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonNode detail = event.detail();
        JsonFields detailFields = fields.nested("detail");
        String alarmName = detailFields.requiredText(detail, "alarmName");
        JsonNode state = detailFields.optionalObject(detail, "state");
        String value = state == null ? null : detailFields.nested("state").requiredText(state, "value");
        if (state == null) {
            detailFields.error("state", "is required");
        }
        SignalStatus status = value == null ? null : switch (value) {
            case "ALARM" -> SignalStatus.FIRING;
            case "OK" -> SignalStatus.RESOLVED;
            case "INSUFFICIENT_DATA" -> SignalStatus.INSUFFICIENT_DATA;
            default -> {
                detailFields.error("state.value", "must be ALARM, OK or INSUFFICIENT_DATA, not " + value);
                yield null;
            }
        };
        if (fields.hasErrors()) {
            return List.of();
        }
        String namespace = null;
        String metricName = null;
        String expression = null;
        Map<String, String> dimensions = new TreeMap<>();
        for (JsonNode query : detail.path("configuration").path("metrics")) {
            if (query.path("returnData").asBoolean(false) && query.hasNonNull("expression")) {
                expression = query.get("expression").asText();
            }
            JsonNode metric = query.path("metricStat").path("metric");
            if (metric.isObject() && namespace == null) {
                namespace = Signals.text(metric, "namespace");
                metricName = Signals.text(metric, "name");
                for (Iterator<Map.Entry<String, JsonNode>> it = metric.path("dimensions").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> dimension = it.next();
                    dimensions.put(dimension.getKey(), dimension.getValue().asText());
                }
            }
        }
        JsonNode reasonData = reasonData(state);
        Double threshold = reasonData.hasNonNull("threshold") ? reasonData.get("threshold").asDouble() : null;
        Instant changed = CloudWatchAlarm.parseTime(Signals.text(state, "timestamp"));
        CloudWatchAlarm alarm = new CloudWatchAlarm(alarmName,
                Signals.text(detail.path("configuration"), "description"), event.account(), event.region(),
                event.resources().isEmpty() ? null : event.resources().get(0), status,
                Signals.text(detail.path("previousState"), "value"), Signals.text(state, "reason"),
                changed != null ? changed : event.time(), namespace, metricName, Map.copyOf(dimensions), threshold,
                comparison(Signals.text(state, "reason")), expression);
        SignalReceived signal = cloudWatch.toSignal(alarm, "eventbridge:" + event.id(), event.id(),
                Map.of("detailType", detailType()), receivedAt);
        JsonNode datapoints = reasonData.path("recentDatapoints");
        Double latest = datapoints.isArray() && !datapoints.isEmpty() ? datapoints.get(datapoints.size() - 1).asDouble()
                : null;
        return List.of(new SignalReceived(signal.signalId(), signal.fingerprint(), signal.source(),
                signal.sourceMessageId(), signal.status(), signal.title(), signal.description(), signal.labels(), latest,
                signal.threshold(), signal.observedAt(), signal.receivedAt()));
    }

    /**
     * The alarm's comparison operator, which EventBridge's event does not carry but its reason states ("was greater
     * than the threshold", "was not less than or equal to the threshold"), so that rules matching on it (scaling)
     * judge the alarm as they judge it through SNS.
     */
    static String comparison(String reason) {
        Matcher matcher = reason == null ? null : COMPARISON.matcher(reason);
        if (matcher == null || !matcher.find()) {
            return null;
        }
        String direction = matcher.group(1).equals("greater") ? "GreaterThan" : "LessThan";
        return direction + (matcher.group(2) != null ? "OrEqualTo" : "") + "Threshold";
    }

    private JsonNode reasonData(JsonNode state) {
        String text = Signals.text(state, "reasonData");
        if (text == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
