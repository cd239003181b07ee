package dev.autopilot.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The delivery ledger. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO delivery (id, incident_id, escalation_step, recipient, channel, policy, recipient_name,
                recipient_role, recipient_kind, incident_title, severity, incident_type, service, incident_opened_at,
                status, attempts, due_at, created_at, version)
            VALUES (:id, :incidentId, :step, :recipient, :channel, :policy, :recipientName, :recipientRole,
                :recipientKind, :title, :severity, :type, :service, :openedAt, :status, 0, :dueAt, :createdAt, 0)
            ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
            """;

    private static final String CLAIM_NEXT_DUE = """
            SELECT * FROM delivery
            WHERE status = 'PENDING' AND due_at <= :now
            ORDER BY due_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;

    private static final String LOCK_PENDING_OF_INCIDENT = """
            SELECT * FROM delivery
            WHERE incident_id = :incidentId AND status = 'PENDING'
            ORDER BY escalation_step, id
            FOR UPDATE
            """;

    /**
     * Adds the delivery unless its incident, step, recipient and channel already have one; true when added. Never
     * fails on a duplicate, so a redelivered or repeated event changes nothing and rolls nothing back.
     */
    public boolean addIfAbsent(Delivery delivery) {
        return getEntityManager().createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("id", delivery.id())
                .setParameter("incidentId", delivery.incidentId())
                .setParameter("step", delivery.escalationStep())
                .setParameter("recipient", delivery.recipient())
                .setParameter("channel", delivery.channel())
                .setParameter("policy", delivery.policy())
                .setParameter("recipientName", delivery.recipientName())
                .setParameter("recipientRole", delivery.recipientRole())
                .setParameter("recipientKind", delivery.recipientKind().name())
                .setParameter("title", delivery.incidentTitle())
                .setParameter("severity", delivery.severity().name())
                .setParameter("type", delivery.incidentType())
                .setParameter("service", delivery.service())
                .setParameter("openedAt", delivery.incidentOpenedAt())
                .setParameter("status", delivery.status().name())
                .setParameter("dueAt", delivery.dueAt())
                .setParameter("createdAt", delivery.createdAt())
                .executeUpdate() == 1;
    }

    /**
     * Claims the pending delivery due first, if one is due: its row stays locked until the caller's transaction
     * ends, and other replicas pass over it instead of waiting.
     */
    @SuppressWarnings("unchecked")
    public Optional<Delivery> claimNextDue(Instant now) {
        List<Delivery> due = getEntityManager().createNativeQuery(CLAIM_NEXT_DUE, Delivery.class)
                .setParameter("now", now)
                .getResultList();
        return due.stream().findFirst();
    }

    /**
     * The pending deliveries of an incident, locked: waits for one being sent right now, and then leaves it out if
     * it is no longer pending.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> lockPendingOf(String incidentId) {
        return getEntityManager().createNativeQuery(LOCK_PENDING_OF_INCIDENT, Delivery.class)
                .setParameter("incidentId", incidentId)
                .getResultList();
    }

    /** When the pending delivery due first is due. */
    public Optional<Instant> nextDueAt() {
        return getEntityManager()
                .createQuery("select min(d.dueAt) from Delivery d where d.status = :pending", Instant.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }

    /** How many deliveries wait for an attempt. */
    public long countPending() {
        return count("status", DeliveryStatus.PENDING);
    }

    /** How many pending deliveries are due already. */
    public long countDue(Instant now) {
        return count("status = ?1 and dueAt <= ?2", DeliveryStatus.PENDING, now);
    }

    /** Newest first, of one incident when it is given. */
    public List<Delivery> search(String incidentId, int offset, int limit) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = incidentId == null ? findAll(newestFirst) : find("incidentId", newestFirst, incidentId);
        return query.range(offset, offset + limit - 1).list();
    }
}
