package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Channels;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.Router;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.worker.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What people do with notifications: approve or discard a prepared one, send a test message. */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final Router router;
    private final Channels channels;
    private final DeliveryDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final Clock clock;

    @Inject
    public DeliveryService(DeliveryRepository deliveries, Router router, Channels channels,
            DeliveryDispatcher dispatcher, AfterCommit afterCommit, Clock clock) {
        this.deliveries = deliveries;
        this.router = router;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** A person approved a prepared message (a customer notice): it goes out now. */
    @Transactional
    public DeliveryView approve(UUID id, String by) {
        Delivery delivery = awaitingApproval(id);
        delivery.approve(by, clock.instant());
        afterCommit.wake(dispatcher.worker());
        LOG.infof("%s: %s %s approved by %s", delivery.incidentId(), delivery.kind(), delivery.id(), by);
        return DeliveryView.from(delivery);
    }

    /** A person decided a prepared message is not to be sent. */
    @Transactional
    public DeliveryView discard(UUID id, String by) {
        Delivery delivery = awaitingApproval(id);
        delivery.cancel("discarded by " + by, clock.instant());
        LOG.infof("%s: %s %s discarded by %s", delivery.incidentId(), delivery.kind(), delivery.id(), by);
        return DeliveryView.from(delivery);
    }

    /**
     * Sends a test message to a contact, through the channel named (with the contact's address on it, if the
     * contact lists it) or the contact's first configured one.
     */
    @Transactional
    public DeliveryView test(String contactKey, String channelName, String by) {
        Contact contact = router.roster().contact(contactKey)
                .orElseThrow(() -> ProblemException.invalidField("contact", "no contact '" + contactKey + "'"));
        ContactChannel via;
        if (channelName == null) {
            via = channels.choose(contact).channel().orElseThrow(() -> ProblemException.conflict(
                    "none of " + contactKey + "'s channels is configured"));
        } else {
            Channel channel = channels.named(channelName).orElseThrow(() -> ProblemException.invalidField("channel",
                    "no channel '" + channelName + "'; known: " + channels.names()));
            String address = contact.channels().stream().filter(c -> c.channel().equals(channelName))
                    .map(ContactChannel::address).filter(a -> a != null).findFirst().orElse(null);
            if (!channel.canReach(address)) {
                throw ProblemException.conflict("channel " + channelName + " cannot reach " + contactKey
                        + (channel.isConfigured() ? " (no usable address)" : " (not configured)"));
            }
            via = new ContactChannel(channelName, address);
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Delivery delivery = Delivery.of("test/" + id, Page.Kind.TEST, new Page.Incident("test:" + id,
                "Test message from Runbook Autopilot, sent by " + by, Severity.UNKNOWN, "test", null, now), "admin", 1,
                0, contact, via.channel(), via.address(), now, now)
                .withDetail("If you read this, " + via.channel() + " reaches " + contact.name() + ".");
        deliveries.persist(delivery);
        afterCommit.wake(dispatcher.worker());
        LOG.infof("test message %s to %s via %s requested by %s", delivery.id(), contact.key(), via.channel(), by);
        return DeliveryView.from(delivery);
    }

    private Delivery awaitingApproval(UUID id) {
        Delivery delivery = deliveries.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("notification", id.toString()));
        if (delivery.status() != DeliveryStatus.AWAITING_APPROVAL) {
            throw ProblemException.conflict("notification " + id + " is " + delivery.status()
                    + ", not awaiting approval");
        }
        return delivery;
    }
}
