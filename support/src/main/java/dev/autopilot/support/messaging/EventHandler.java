package dev.autopilot.support.messaging;

import dev.autopilot.contracts.Event;

/** Applies one event inside the consumer's transaction. Throwing rolls back the effect and its processed mark. */
@FunctionalInterface
public interface EventHandler<E extends Event> {

    void handle(IncomingEvent<E> event);
}
