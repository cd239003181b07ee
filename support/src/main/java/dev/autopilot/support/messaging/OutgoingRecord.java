package dev.autopilot.support.messaging;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Topics;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Kafka record ready to send: topic, key, CloudEvents headers and the JSON payload. */
public record OutgoingRecord(String topic, String key, Map<String, String> headers, byte[] value) {

    /** The record for an event, with its CloudEvents attributes as {@code ce_*} headers. */
    public static OutgoingRecord of(Event event, String eventId, String service) {
        return new OutgoingRecord(Topics.streamOf(event).topic(), event.subject(),
                cloudEventHeaders(eventId, Event.typeOf(event), CloudEventHeaders.sourceOf(service), event.subject(),
                        event.occurredAt()),
                EventCodec.encode(event));
    }

    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject,
            Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, source);
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        if (time != null) {
            headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }
}
