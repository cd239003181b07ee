package dev.autopilot.detector.intake.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Prometheus and Alertmanager alerts as signals. An alert is identified by its label set (Alertmanager's own
 * fingerprint when it gives one); its labels become the signal's, its annotations {@code annotation.<name>}
 * labels; {@code severity}, {@code type} and {@code service} labels are honoured by the rule table.
 */
final class Alerts {

    /** Alertmanager's "no end yet". */
    private static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private Alerts() {
    }

    /**
     * Reads one alert. Its status is the given one (Alertmanager says it), or else, as Prometheus means it, firing
     * until its {@code endsAt} has passed.
     *
     * @param deliveryKey what makes this delivery of the alert unique, so an exact redelivery is the same signal
     */
    static SignalReceived parse(String source, JsonNode alert, JsonFields fields, String statedStatus,
            String statedFingerprint, String deliveryKey, Instant receivedAt) {
        if (alert == null || !alert.isObject()) {
            fields.error("body", "must be an alert (a JSON object with labels)");
            return null;
        }
        JsonNode labelsNode = fields.optionalObject(alert, "labels");
        if (labelsNode == null) {
            fields.error("labels", "is required");
            return null;
        }
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labelsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().isTextual()) {
                fields.error("labels." + label.getKey(), "must be a string");
            } else {
                labels.put(label.getKey(), label.getValue().asText());
            }
        }
        String alertname = labels.get("alertname");
        if (alertname == null || alertname.isBlank()) {
            fields.error("labels.alertname", "is required");
        }
        Instant startsAt = time(alert, "startsAt", fields);
        Instant endsAt = time(alert, "endsAt", fields);
        JsonNode annotations = fields.optionalObject(alert, "annotations");
        if (fields.hasErrors()) {
            return null;
        }
        String fingerprint = source + ":" + (statedFingerprint != null ? statedFingerprint : hash(labels));
        Map<String, String> all = new TreeMap<>(labels);
        if (annotations != null) {
            annotations.fields().forEachRemaining(a -> all.put("annotation." + a.getKey(), a.getValue().asText()));
        }
        String generator = alert.path("generatorURL").asText(null);
        if (generator != null && !generator.isBlank()) {
            all.put("generatorURL", generator);
        }
        boolean ended = endsAt != null && !endsAt.equals(ZERO) && !endsAt.isAfter(receivedAt);
        SignalStatus status = statedStatus != null
                ? ("resolved".equals(statedStatus) ? SignalStatus.RESOLVED : SignalStatus.FIRING)
                : ended ? SignalStatus.RESOLVED : SignalStatus.FIRING;
        Instant observed = status == SignalStatus.RESOLVED && endsAt != null && !endsAt.equals(ZERO) ? endsAt
                : startsAt != null ? startsAt : receivedAt;
        String description = annotations == null ? null
                : annotations.hasNonNull("description") ? annotations.get("description").asText()
                : annotations.path("summary").asText(null);
        String signalId = UUID.nameUUIDFromBytes((deliveryKey + ":" + fingerprint + ":" + startsAt + ":" + endsAt
                + ":" + status).getBytes(StandardCharsets.UTF_8)).toString();
        return new SignalReceived(signalId, fingerprint, source, null, status, alertname, description, all, null, null,
                observed, receivedAt);
    }

    private static Instant time(JsonNode alert, String name, JsonFields fields) {
        String text = fields.optionalText(alert, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            fields.error(name, "must be an RFC 3339 time, not " + text);
            return null;
        }
    }

    /** The label set's identity: a hash of the sorted labels, as Alertmanager fingerprints alerts. */
    static String hash(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> canonical.append(k).append('\u0000').append(v).append('\u0000'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
