package dev.autopilot.notification.channel;

import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.Router;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Every channel of the service, by name, and which one reaches a contact. */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    private final Map<String, Channel> byName;
    private final Router router;

    @Inject
    public Channels(@Any Instance<Channel> channels, Router router) {
        this(channels.stream().toList(), router);
    }

    public Channels(List<Channel> channels, Router router) {
        Map<String, Channel> named = new TreeMap<>();
        channels.forEach(channel -> named.put(channel.name(), channel));
        this.byName = named;
        this.router = router;
    }

    /** Checks at start-up that every contact names known channels, and says which channels lack settings. */
    void check(@Observes StartupEvent event) {
        for (Contact contact : router.roster().contacts()) {
            for (ContactChannel via : contact.channels()) {
                Channel channel = byName.get(via.channel());
                if (channel == null) {
                    throw new IllegalArgumentException("notification.routing.contacts." + contact.key()
                            + ".channels: no channel '" + via.channel() + "'; known: " + byName.keySet());
                }
                if (!channel.accepts(via.address())) {
                    throw new IllegalArgumentException("notification.routing.contacts." + contact.key()
                            + ".channels: " + via.channel() + " cannot use the address given");
                }
            }
        }
        byName.values().stream().filter(c -> !c.isConfigured()).forEach(c -> LOG.warnf(
                "channel %s is not configured (missing %s): contacts who prefer it get the next channel",
                c.name(), c.missingSettings()));
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

    /** The first of the contact's channels that can carry a message now, and the ones passed over before it. */
    public Choice choose(Contact contact) {
        List<ContactChannel> skipped = new ArrayList<>();
        for (ContactChannel via : contact.channels()) {
            Channel channel = byName.get(via.channel());
            if (channel != null && channel.canReach(via.address())) {
                return new Choice(via, skipped);
            }
            skipped.add(via);
        }
        return new Choice(null, skipped);
    }

    /**
     * Which channel carries a message to a contact.
     *
     * @param chosen  the channel and address; null when none of the contact's channels is configured
     * @param skipped the contact's channels passed over, unconfigured
     */
    public record Choice(ContactChannel chosen, List<ContactChannel> skipped) {

        public Optional<ContactChannel> channel() {
            return Optional.ofNullable(chosen);
        }
    }
}
