package dev.autopilot.contracts;

import java.time.Instant;

/**
 * A fact one service announces to the others on Kafka.
 *
 * <p>Each stream is one sealed interface extending this one (one topic per stream); each event type is a
 * record named in the past tense. The record's simple name is its CloudEvents {@code type}.
 */
public interface Event {

    /** The CloudEvents {@code subject} and the Kafka key: the incident id (a signal's fingerprint for signals). */
    String subject();

    /** When the fact happened; the CloudEvents {@code time}. */
    Instant occurredAt();

    /** The CloudEvents {@code type} of this event: the record's simple name, e.g. {@code IncidentOpened}. */
    static String typeOf(Event event) {
        return event.getClass().getSimpleName();
    }
}
