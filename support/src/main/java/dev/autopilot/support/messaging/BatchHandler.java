package dev.autopilot.support.messaging;

import dev.autopilot.contracts.Event;
import java.util.List;

/**
 * Applies the events of a batch not applied before, in their order, inside the consumer's transaction: a handler
 * that can fold repeats together (a storm of one alarm) does one piece of work for many events. Throwing rolls
 * back the effect and the processed marks; the inbox then retries the events one at a time.
 */
@FunctionalInterface
public interface BatchHandler<E extends Event> {

    void handle(List<IncomingEvent<E>> events);
}
