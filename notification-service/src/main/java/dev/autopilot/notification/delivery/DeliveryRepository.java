package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The delivery ledger. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO delivery (id, idempotency_key, kind, incident_id, round, escalation_step, recipient, channel,
                address, policy, recipient_name, recipient_role, recipient_kind, incident_title, severity,
                incident_type, service, incident_opened_at, note, detail, action_url, action_label, summary_id,
                status, attempts, due_at, created_at, cancelled_at, reason, version)
            VALUES (:id, :key, :kind, :incidentId, :round, :step, :recipient, :channel, :address, :policy,
                :recipientName, :recipientRole, :recipientKind, :title, :severity, :type, :service, :openedAt, :note,
                :detail, :actionUrl, :actionLabel, :summaryId, :status, 0, :dueAt, :createdAt, :cancelledAt, :reason,
                0)
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
            WHERE incident_id = :incidentId AND status = 'PENDING' AND kind IN (:kinds)
            ORDER BY escalation_step, id
            FOR UPDATE
            """;

    /**
     * Adds the delivery unless one with its idempotency key exists; true when added. Never fails on a duplicate,
     * so a redelivered or repeated event changes nothing and rolls nothing back.
     */
    public boolean addIfAbsent(Delivery delivery) {
        return getEntityManager().createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("id", delivery.id())
                .setParameter("key", delivery.idempotencyKey())
                .setParameter("kind", delivery.kind().name())
                .setParameter("incidentId", delivery.incidentId())
                .setParameter("round", delivery.round())
                .setParameter("step", delivery.escalationStep())
                .setParameter("recipient", delivery.recipient())
                .setParameter("channel", delivery.channel())
                .setParameter("address", delivery.address())
                .setParameter("policy", delivery.policy())
                .setParameter("recipientName", delivery.recipientName())
                .setParameter("recipientRole", delivery.recipientRole())
                .setParameter("recipientKind", delivery.recipientKind().name())
                .setParameter("title", delivery.incidentTitle())
                .setParameter("severity", delivery.severity().name())
                .setParameter("type", delivery.incidentType())
                .setParameter("service", delivery.service())
                .setParameter("openedAt", delivery.incidentOpenedAt())
                .setParameter("note", delivery.note())
                .setParameter("detail", delivery.detail())
                .setParameter("actionUrl", delivery.actionUrl())
                .setParameter("actionLabel", delivery.actionLabel())
                .setParameter("summaryId", delivery.summaryId())
                .setParameter("status", delivery.status().name())
                .setParameter("dueAt", delivery.dueAt())
                .setParameter("createdAt", delivery.createdAt())
                .setParameter("cancelledAt", delivery.cancelledAt())
                .setParameter("reason", delivery.reason())
                .executeUpdate() == 1;
    }

    public Optional<Delivery> findByKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    /** The delivery of that key, locked until the transaction ends. */
    public Optional<Delivery> lockByKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
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
     * The pending deliveries of an incident of these kinds, locked: waits for one being sent right now, and then
     * leaves it out if it is no longer pending.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> lockPendingOf(String incidentId, Collection<Page.Kind> kinds) {
        return getEntityManager().createNativeQuery(LOCK_PENDING_OF_INCIDENT, Delivery.class)
                .setParameter("incidentId", incidentId)
                .setParameter("kinds", kinds.stream().map(Enum::name).toList())
                .getResultList();
    }

    /** The pages of an incident's round that went out (or are going out), oldest first. */
    public List<Delivery> pagesOf(String incidentId, int round, Collection<DeliveryStatus> statuses) {
        return list("incidentId = :incident and round = :round and kind = :page and status in :statuses",
                Sort.ascending("createdAt", "id"), Parameters.with("incident", incidentId).and("round", round)
                        .and("page", Page.Kind.PAGE).and("statuses", statuses));
    }

    /** How many pages an incident has had, in every round, not counting suppressed ones. */
    public long countPagesOf(String incidentId) {
        return count("incidentId = ?1 and kind = ?2 and status <> ?3", incidentId, Page.Kind.PAGE,
                DeliveryStatus.SUPPRESSED);
    }

    /** The pages a storm summary carries. */
    public List<Delivery> carriedBy(UUID summaryId) {
        return list("summaryId", Sort.ascending("createdAt", "id"), summaryId);
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

    /**
     * Newest first, filtered by whatever criteria are given. The page's ids come first; the deliveries and their
     * attempts then come in one statement, so each is read from one snapshot: a delivery and its attempt log never
     * disagree, even while the dispatcher records an attempt.
     */
    public List<Delivery> search(DeliveryFilter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.incidentId() != null) {
            where.add("d.incidentId = :incident");
            parameters.and("incident", filter.incidentId());
        }
        if (filter.contact() != null) {
            where.add("d.recipient = :contact");
            parameters.and("contact", filter.contact());
        }
        if (filter.channel() != null) {
            where.add("d.channel = :channel");
            parameters.and("channel", filter.channel());
        }
        if (filter.status() != null) {
            where.add("d.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.from() != null) {
            where.add("d.createdAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("d.createdAt < :to");
            parameters.and("to", filter.to());
        }
        var ids = getEntityManager().createQuery("select d.id from Delivery d"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by d.createdAt desc, d.id desc", UUID.class);
        parameters.map().forEach(ids::setParameter);
        return withAttempts(ids.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /** The delivery and its attempts, read in one statement (see {@link #search}). */
    public Optional<Delivery> findWithAttempts(UUID id) {
        return withAttempts(List.of(id)).stream().findFirst();
    }

    private List<Delivery> withAttempts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Delivery> byId = getEntityManager()
                .createQuery("select distinct d from Delivery d left join fetch d.attemptLog where d.id in :ids",
                        Delivery.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(Delivery::id, Function.identity(), (a, b) -> a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
