package dev.autopilot.notification.storm;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.delivery.Delivery;
import dev.autopilot.notification.delivery.DeliveryDispatcher;
import dev.autopilot.notification.delivery.DeliveryRepository;
import dev.autopilot.notification.delivery.DeliveryStatus;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.support.worker.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Storm control: whether so many incidents opened lately that pages are held, and the summary that carries the
 * held pages of one destination. Summaries go out on the summary interval's boundaries; a page held while one is
 * being sent goes into the next.
 */
@ApplicationScoped
public class StormControl {

    private static final String COUNT_RECENT = "SELECT count(*) FROM incident WHERE received_at > :since";

    private final StormConfig config;
    private final EntityManager entities;
    private final DeliveryRepository deliveries;
    private final DeliveryDispatcher dispatcher;
    private final AfterCommit afterCommit;

    @Inject
    public StormControl(StormConfig config, EntityManager entities, DeliveryRepository deliveries,
            DeliveryDispatcher dispatcher, AfterCommit afterCommit) {
        this.config = config;
        this.entities = entities;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
    }

    /** Whether more incidents than the threshold opened within the window before {@code now}. */
    public boolean raging(Instant now) {
        Number recent = (Number) entities.createNativeQuery(COUNT_RECENT)
                .setParameter("since", now.minus(config.window())).getSingleResult();
        return recent.longValue() > config.threshold();
    }

    /** Whether an incident has had as many pages as it may. */
    public boolean capReached(String incidentId) {
        return deliveries.countPagesOf(incidentId) >= config.maxPagesPerIncident();
    }

    /** The pending summary that carries pages held now for this destination, created if needed. */
    public UUID summaryFor(Contact contact, String channel, String address, Instant now) {
        long interval = config.summaryInterval().getSeconds();
        long slot = Math.floorDiv(now.getEpochSecond() + interval - 1, interval) * interval;
        for (int tries = 0; tries < 3; tries++, slot += interval) {
            Instant due = Instant.ofEpochSecond(slot);
            String key = "storm/" + due + "/" + contact.key() + "/" + channel;
            Page.Incident subject = new Page.Incident("storm:" + due, "Incident storm", Severity.UNKNOWN, "storm",
                    null, now);
            deliveries.addIfAbsent(Delivery.of(key, Page.Kind.STORM_SUMMARY, subject, "storm", 1, 0, contact, channel,
                    address, due, now));
            Optional<Delivery> summary = deliveries.lockByKey(key);
            if (summary.isPresent() && summary.get().status() == DeliveryStatus.PENDING) {
                afterCommit.wake(dispatcher.worker());
                return summary.get().id();
            }
        }
        throw new IllegalStateException("no storm summary slot is open for " + contact.key() + " on " + channel);
    }

    public StormConfig config() {
        return config;
    }
}
