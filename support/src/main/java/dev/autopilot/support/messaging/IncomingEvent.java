package dev.autopilot.support.messaging;

import dev.autopilot.contracts.Event;
import java.time.Instant;

/**
 * An event as a consumer receives it: the decoded payload with its CloudEvents attributes and where it was read.
 *
 * @param id     the CloudEvents id, unique per event (redeliveries repeat it)
 * @param type   the CloudEvents type, e.g. {@code IncidentOpened}
 * @param source the producing service, e.g. {@code /autopilot/detector}
 * @param time   when it happened
 * @param event  the payload
 */
public record IncomingEvent<E extends Event>(String id, String type, String source, Instant time, E event,
        String topic, int partition, long offset) {
}
