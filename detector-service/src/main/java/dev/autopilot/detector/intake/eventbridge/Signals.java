package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds the signals of EventBridge events: their id derives from the event id, so a redelivery is the same. */
final class Signals {

    private Signals() {
    }

    static SignalReceived of(EventBridgeEvent event, String part, String fingerprint, SignalStatus status,
            String title, String description, Map<String, String> labels, Double value, Instant receivedAt) {
        String signalId = UUID.nameUUIDFromBytes(("eventbridge:" + event.id() + ":" + part)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, String> all = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                all.put(k, v);
            }
        });
        all.put("detailType", event.detailType());
        if (event.region() != null) {
            all.put("region", event.region());
        }
        if (event.account() != null) {
            all.put("accountId", event.account());
        }
        return new SignalReceived(signalId, fingerprint, EventTranslator.SOURCE, event.id(), status, title,
                description, all, value, null, event.time(), receivedAt);
    }

    /** The service an ECS service event is about: the last segment of its resource ARN. */
    static String serviceOfResource(EventBridgeEvent event) {
        return event.resources().isEmpty() ? "unknown" : lastSegment(event.resources().get(0));
    }

    /** The labels every ECS service event carries. */
    static Map<String, String> ecsLabels(EventBridgeEvent event, String service, String kind, String eventName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("event", kind);
        labels.put("eventName", eventName);
        labels.put("service", service);
        labels.put("eventType", text(event.detail(), "eventType"));
        return labels;
    }

    /** The last path segment of an ARN ({@code arn:...:cluster/prod} is {@code prod}). */
    static String lastSegment(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
