package dev.autopilot.detector.intake.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The documented JSON signal anything can post to {@code /intake/signals} (see the detector's README).
 *
 * <pre>
 * {"source": "uptime-checker", "id": "run-4711", "status": "firing", "title": "api.example.com is down",
 *  "description": "3 of 3 probes failed", "severity": "P0", "type": "outage", "service": "api",
 *  "fingerprint": "api-down", "labels": {"region": "ap-northeast-2"}, "value": 0, "threshold": 1,
 *  "observedAt": "2026-11-26T05:12:41Z"}
 * </pre>
 * Only {@code source}, {@code status} ({@code firing} or {@code resolved}) and {@code title} are required.
 */
final class GenericSignal {

    static final String SOURCE = "generic";
    private static final int MAX_TEXT = 1000;
    private static final int MAX_LABELS = 64;

    private GenericSignal() {
    }

    /** Reads one signal; problems are reported into {@code fields} (prefixed with the item's position). */
    static SignalReceived parse(JsonNode json, JsonFields fields, Instant receivedAt) {
        if (json == null || !json.isObject()) {
            fields.error("body", "must be a signal (a JSON object)");
            return null;
        }
        String sender = fields.requiredText(json, "source");
        if (sender != null && !sender.matches("[A-Za-z0-9._-]{1,64}")) {
            fields.error("source", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String id = fields.optionalText(json, "id");
        String statusText = fields.requiredText(json, "status");
        SignalStatus status = null;
        if (statusText != null) {
            status = switch (statusText) {
                case "firing" -> SignalStatus.FIRING;
                case "resolved" -> SignalStatus.RESOLVED;
                default -> {
                    fields.error("status", "must be firing or resolved, not " + statusText);
                    yield null;
                }
            };
        }
        String title = fields.requiredText(json, "title");
        String description = fields.optionalText(json, "description");
        String fingerprint = fields.optionalText(json, "fingerprint");
        Double value = fields.optionalNumber(json, "value");
        Double threshold = fields.optionalNumber(json, "threshold");
        Map<String, String> labels = labels(json, fields);
        for (String name : new String[] {"severity", "type", "service"}) {
            String text = fields.optionalText(json, name);
            if (text != null && !text.isBlank()) {
                labels.put(name, text);
            }
        }
        String observed = fields.optionalText(json, "observedAt");
        Instant observedAt = receivedAt;
        if (observed != null) {
            try {
                observedAt = Instant.parse(observed);
            } catch (DateTimeParseException e) {
                fields.error("observedAt", "must be an ISO-8601 time, not " + observed);
            }
        }
        checkLength(fields, "title", title);
        checkLength(fields, "description", description);
        checkLength(fields, "id", id);
        checkLength(fields, "fingerprint", fingerprint);
        if (fields.hasErrors()) {
            return null;
        }
        labels.put("sender", sender);
        String signalId = id == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((SOURCE + ":" + sender + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
        return new SignalReceived(signalId, fingerprintOf(sender, fingerprint, title, labels), SOURCE, id, status,
                title, description, labels, value, threshold, observedAt, receivedAt);
    }

    /** The sender's fingerprint, or one made of the title and the labels (sorted), within the sender's space. */
    private static String fingerprintOf(String sender, String fingerprint, String title, Map<String, String> labels) {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return SOURCE + ":" + sender + ":" + fingerprint;
        }
        StringBuilder made = new StringBuilder(SOURCE).append(':').append(sender).append(':').append(title);
        labels.forEach((name, value) -> made.append(':').append(name).append('=').append(value));
        return made.toString();
    }

    private static Map<String, String> labels(JsonNode json, JsonFields fields) {
        Map<String, String> labels = new TreeMap<>();
        JsonNode node = fields.optionalObject(json, "labels");
        if (node == null) {
            return labels;
        }
        if (node.size() > MAX_LABELS) {
            fields.error("labels", "must have at most " + MAX_LABELS + " entries");
            return labels;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().isTextual()) {
                fields.error("labels." + label.getKey(), "must be a string");
            } else if (label.getKey().length() > 100 || label.getValue().asText().length() > MAX_TEXT) {
                fields.error("labels." + label.getKey(), "is too long");
            } else {
                labels.put(label.getKey(), label.getValue().asText());
            }
        }
        return labels;
    }

    private static void checkLength(JsonFields fields, String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            fields.error(name, "must be at most " + MAX_TEXT + " characters");
        }
    }
}
