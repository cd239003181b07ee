package dev.autopilot.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every channel of the service, by name. */
@ApplicationScoped
public class Channels {

    private final Map<String, Channel> byName;

    @Inject
    public Channels(@Any Instance<Channel> channels) {
        this.byName = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
    }

    public Optional<Channel> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Collection<Channel> all() {
        return byName.values();
    }
}
