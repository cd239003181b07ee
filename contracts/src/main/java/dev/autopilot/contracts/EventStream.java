package dev.autopilot.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One topic and the sealed interface of the events on it. Knows its event types by name, so a consumer can
 * decode a record from its {@code ce_type} header and ignore types it does not know yet.
 */
public final class EventStream<E extends Event> {

    private final String topic;
    private final Class<E> type;
    private final Map<String, Class<? extends E>> typesByName;

    @SuppressWarnings("unchecked")
    public EventStream(String topic, Class<E> type) {
        if (!type.isSealed()) {
            throw new IllegalArgumentException(type + " must be a sealed interface");
        }
        this.topic = topic;
        this.type = type;
        this.typesByName = Arrays.stream(type.getPermittedSubclasses())
                .map(c -> (Class<? extends E>) c)
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }

    public String topic() {
        return topic;
    }

    public Class<E> type() {
        return type;
    }

    /** The event class for a CloudEvents type name, if this version of the contracts knows it. */
    public Optional<Class<? extends E>> typeNamed(String name) {
        return Optional.ofNullable(typesByName.get(name));
    }

    /** Every event type name of this stream. */
    public Set<String> typeNames() {
        return typesByName.keySet();
    }

    @Override
    public String toString() {
        return topic + " (" + type.getSimpleName() + ")";
    }
}
