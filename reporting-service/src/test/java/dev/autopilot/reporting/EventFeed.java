package dev.autopilot.reporting;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Topics;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.util.Map;
import java.util.UUID;

/** Writes events to the real broker as the services that own them publish them: topic, key, CloudEvents headers. */
public final class EventFeed {

    private static final Map<String, String> PRODUCERS = Map.of(
            Topics.SIGNALS, "detector",
            Topics.INCIDENTS, "detector",
            Topics.RECOMMENDATIONS, "detector",
            Topics.REMEDIATIONS, "remediation",
            Topics.NOTIFICATIONS, "notification");

    private final TopicReader topics;

    public EventFeed(String bootstrapServers) {
        this.topics = new TopicReader(bootstrapServers);
    }

    /** Publishes the event under a fresh event id, and returns the id. */
    public String publish(Event event) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId);
        return eventId;
    }

    /** Publishes the event under the given id (the same id again is a redelivery). */
    public void publish(Event event, String eventId) {
        OutgoingRecord record = OutgoingRecord.of(event, eventId, PRODUCERS.get(Topics.streamOf(event).topic()));
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(event));
    }

    public TopicReader topics() {
        return topics;
    }
}
