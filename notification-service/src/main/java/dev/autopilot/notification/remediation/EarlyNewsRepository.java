package dev.autopilot.notification.remediation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Remediation news kept until its incident is tracked (see {@code V3__early_remediation_news.sql}). */
@ApplicationScoped
public class EarlyNewsRepository {

    /** One kept event: its CloudEvents type and its JSON. */
    public record Kept(String eventId, String type, String payload) {
    }

    /** The first key of this table's advisory locks, so they meet no other lock of the database. */
    private static final int LOCK_SPACE = 0x4e455753; // "NEWS"

    private final EntityManager entities;

    @Inject
    public EarlyNewsRepository(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Holds the incident's news until the transaction ends. Taken both where news finds no incident and where the
     * incident starts being tracked, so that the two cannot pass each other unseen (news kept by one transaction
     * while the other, not seeing it yet, takes what was kept).
     */
    public void lockNewsOf(String incidentId) {
        entities.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:incidentId))) AS locked")
                .setParameter("space", LOCK_SPACE).setParameter("incidentId", incidentId).getSingleResult();
    }

    /** Keeps the event unless it is kept already (a redelivery). */
    public void keep(String eventId, String incidentId, String type, String payload, Instant receivedAt) {
        entities.createNativeQuery("""
                INSERT INTO early_remediation_news (event_id, incident_id, event_type, payload, received_at)
                VALUES (:eventId, :incidentId, :type, CAST(:payload AS jsonb), :receivedAt)
                ON CONFLICT (event_id) DO NOTHING
                """).setParameter("eventId", eventId).setParameter("incidentId", incidentId)
                .setParameter("type", type).setParameter("payload", payload).setParameter("receivedAt", receivedAt)
                .executeUpdate();
    }

    /** Removes and returns what was kept for the incident, in the order it came. */
    @SuppressWarnings("unchecked")
    public List<Kept> takeAll(String incidentId) {
        List<Object[]> rows = entities.createNativeQuery("""
                DELETE FROM early_remediation_news WHERE incident_id = :incidentId
                RETURNING seq, event_id, event_type, payload::text
                """).setParameter("incidentId", incidentId).getResultList();
        return rows.stream().sorted((a, b) -> Long.compare(((Number) a[0]).longValue(), ((Number) b[0]).longValue()))
                .map(row -> new Kept((String) row[1], (String) row[2], (String) row[3])).toList();
    }

    /** Forgets news kept since before the cutoff: its incident never came (it is not one of this system's). */
    public int forgetOlderThan(Instant cutoff) {
        return entities.createNativeQuery("DELETE FROM early_remediation_news WHERE received_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
