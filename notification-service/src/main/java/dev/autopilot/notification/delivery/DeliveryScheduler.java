package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Channels;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.storm.StormControl;
import dev.autopilot.support.worker.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns "tell this contact" into a delivery: picks the first of the contact's channels that is configured (saying
 * which it passed over), and holds an incident's page when a storm rages or the incident reached its page cap.
 * A page not sent on purpose is a {@link DeliveryStatus#SUPPRESSED} delivery with a {@code NotificationSuppressed}
 * event. Every delivery is added under its idempotency key, so asking twice schedules once.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);

    private final DeliveryRepository deliveries;
    private final Channels channels;
    private final StormControl storm;
    private final NotificationPublisher publisher;
    private final DeliveryDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;
    private final Clock clock;

    @Inject
    public DeliveryScheduler(DeliveryRepository deliveries, Channels channels, StormControl storm,
            NotificationPublisher publisher, DeliveryDispatcher dispatcher, AfterCommit afterCommit,
            MeterRegistry metrics, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.storm = storm;
        this.publisher = publisher;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A message to schedule.
     *
     * @param kind             what it does
     * @param key              its idempotency key, without recipient and channel (which are appended)
     * @param subject          the incident, or what stands in for one
     * @param policy           what sent it
     * @param round            the incident's paging round (1, or more after a reopening)
     * @param step             the escalation step (1-based), 0 when none
     * @param contact          who is told
     * @param note             why they are told, when it needs saying; or null
     * @param detail           more for people; or null
     * @param actionLabel      what it asks for; or null
     * @param actionUrl        where; or null
     * @param requiresApproval prepared, and sent only once a person approves it
     * @param via              the channel to use (the one an earlier page went by); null to pick the contact's first
     *                         configured one
     */
    public record Message(Page.Kind kind, String key, Page.Incident subject, String policy, int round, int step,
            Contact contact, String note, String detail, String actionLabel, String actionUrl,
            boolean requiresApproval, ContactChannel via) {

        /** An incident's message to a contact with nothing else to say. */
        public static Message of(Page.Kind kind, String key, Page.Incident subject, String policy, int round, int step,
                Contact contact) {
            return new Message(kind, key, subject, policy, round, step, contact, null, null, null, null, false, null);
        }

        public Message withNote(String text) {
            return new Message(kind, key, subject, policy, round, step, contact, text, detail, actionLabel, actionUrl,
                    requiresApproval, via);
        }

        public Message withDetail(String text) {
            return new Message(kind, key, subject, policy, round, step, contact, note, text, actionLabel, actionUrl,
                    requiresApproval, via);
        }

        public Message withAction(String label, String url) {
            return new Message(kind, key, subject, policy, round, step, contact, note, detail, label, url,
                    requiresApproval, via);
        }

        public Message by(ContactChannel channel) {
            return new Message(kind, key, subject, policy, round, step, contact, note, detail, actionLabel, actionUrl,
                    requiresApproval, channel);
        }

        public Message withApproval(boolean required) {
            return new Message(kind, key, subject, policy, round, step, contact, note, detail, actionLabel, actionUrl,
                    required, via);
        }
    }

    /** Schedules the message (or its suppression) unless it was scheduled before; true when this call added it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean schedule(Message message) {
        Instant now = clock.instant();
        Contact contact = message.contact();
        Channels.Choice choice = message.via() != null ? new Channels.Choice(message.via(), List.of())
                : channels.choose(contact);
        if (choice.chosen() == null) {
            return suppress(delivery(message, contact.channels().get(0).channel(), null, now),
                    "channel-unconfigured", null, now);
        }
        ContactChannel via = choice.chosen();
        Delivery delivery = delivery(message, via.channel(), via.address(), now);
        if (deliveries.findByKey(delivery.idempotencyKey()).isPresent()) {
            return false;
        }
        if (message.kind() == Page.Kind.PAGE && !message.requiresApproval()) {
            if (storm.capReached(message.subject().id())) {
                return suppress(delivery, "page-cap", null, now);
            }
            if (storm.raging(now)) {
                return suppress(delivery, "storm", storm.summaryFor(contact, via.channel(), via.address(), now), now);
            }
        }
        if (message.requiresApproval()) {
            delivery.awaitingApproval();
        }
        if (!deliveries.addIfAbsent(delivery)) {
            return false;
        }
        choice.skipped().forEach(skipped -> metrics.counter("autopilot_notification_channels_skipped_total",
                "channel", skipped.channel(), "reason", "unconfigured").increment());
        LOG.infof("%s: %s to %s scheduled via %s%s%s", message.subject().id(), message.kind(), contact.label(),
                via.channel(), skippedNote(choice), message.requiresApproval() ? ", waiting for approval" : "");
        afterCommit.wake(dispatcher.worker());
        return true;
    }

    /** Records that the message is not sent, on purpose, and why; once, whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean suppress(Message message, String reason) {
        Instant now = clock.instant();
        ContactChannel via = message.via() != null ? message.via()
                : channels.choose(message.contact()).channel().orElse(message.contact().channels().get(0));
        return suppress(delivery(message, via.channel(), via.address(), now), reason, null, now);
    }

    private Delivery delivery(Message message, String channel, String address, Instant now) {
        return Delivery.of(message.key() + "/" + message.contact().key() + "/" + channel, message.kind(),
                message.subject(), message.policy(), message.round(), message.step(), message.contact(), channel,
                address, now, now)
                .withNote(message.note())
                .withDetail(message.detail())
                .withAction(message.actionLabel(), message.actionUrl());
    }

    private static String skippedNote(Channels.Choice choice) {
        return choice.skipped().isEmpty() ? "" : " (" + choice.skipped().stream().map(ContactChannel::channel)
                .collect(Collectors.joining(", ")) + " not configured)";
    }

    private boolean suppress(Delivery delivery, String reason, UUID summary, Instant now) {
        delivery.suppressed(reason, summary, now);
        if (!deliveries.addIfAbsent(delivery)) {
            return false;
        }
        metrics.counter("autopilot_notifications_suppressed_total", "reason", reason).increment();
        LOG.logf("channel-unconfigured".equals(reason) ? Logger.Level.WARN : Logger.Level.INFO,
                "%s: %s to %s via %s suppressed: %s", delivery.incidentId(), delivery.kind(),
                delivery.recipientLabel(), delivery.channel(), reason);
        if (delivery.kind().aboutAnIncident()) {
            publisher.suppressed(delivery);
        }
        return true;
    }
}
