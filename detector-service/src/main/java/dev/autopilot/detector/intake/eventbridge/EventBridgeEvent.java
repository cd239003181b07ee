package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.detector.intake.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as EventBridge delivers it to an API destination: the envelope ({@code id}, {@code detail-type},
 * {@code source}, {@code time}, {@code region}, {@code resources}) and the service's own {@code detail}.
 */
public record EventBridgeEvent(String id, String detailType, String source, String account, String region,
        Instant time, List<String> resources, JsonNode detail) {

    /** Reads and checks the envelope; problems go into {@code fields}. */
    static EventBridgeEvent parse(JsonNode json, JsonFields fields) {
        if (json == null || !json.isObject()) {
            fields.error("body", "must be an EventBridge event (a JSON object)");
            return null;
        }
        String id = fields.requiredText(json, "id");
        String detailType = fields.requiredText(json, "detail-type");
        String source = fields.requiredText(json, "source");
        String timeText = fields.requiredText(json, "time");
        Instant time = null;
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (DateTimeParseException e) {
                fields.error("time", "must be an ISO-8601 time, not " + timeText);
            }
        }
        JsonNode detail = fields.optionalObject(json, "detail");
        if (detail == null && !fields.hasErrors()) {
            fields.error("detail", "is required");
        }
        List<String> resources = new ArrayList<>();
        JsonNode list = fields.optionalArray(json, "resources");
        if (list != null) {
            list.forEach(r -> resources.add(r.asText()));
        }
        if (fields.hasErrors()) {
            return null;
        }
        return new EventBridgeEvent(id, detailType, source, fields.optionalText(json, "account"),
                fields.optionalText(json, "region"), time, List.copyOf(resources), detail);
    }
}
