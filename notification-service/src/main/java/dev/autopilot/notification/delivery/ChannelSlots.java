package dev.autopilot.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Per-channel rate limits every replica shares: a row per channel holding the earliest time it may send again,
 * locked by the sender until its transaction ends, so two replicas never send through a limited channel closer
 * together than its interval.
 */
@ApplicationScoped
public class ChannelSlots {

    private final EntityManager entities;

    @Inject
    public ChannelSlots(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Takes the channel's slot at {@code now} if it is free (the next one then opens {@code interval} later), or
     * says when it is free.
     */
    public Optional<Instant> take(String channel, Instant now, Duration interval) {
        entities.createNativeQuery("INSERT INTO channel_slot (channel, next_at) VALUES (:channel, :now) "
                + "ON CONFLICT (channel) DO NOTHING").setParameter("channel", channel).setParameter("now", now)
                .executeUpdate();
        Object next = entities.createNativeQuery("SELECT next_at FROM channel_slot WHERE channel = :channel FOR UPDATE")
                .setParameter("channel", channel).getSingleResult();
        Instant nextAt = instantOf(next);
        if (nextAt.isAfter(now)) {
            return Optional.of(nextAt);
        }
        entities.createNativeQuery("UPDATE channel_slot SET next_at = :next WHERE channel = :channel")
                .setParameter("next", now.plus(interval)).setParameter("channel", channel).executeUpdate();
        return Optional.empty();
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        return (Instant) value;
    }
}
