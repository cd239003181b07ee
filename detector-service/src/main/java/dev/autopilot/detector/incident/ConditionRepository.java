package dev.autopilot.detector.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConditionRepository implements PanacheRepositoryBase<IncidentCondition, UUID> {

    /** The condition of a fingerprint in an active incident; there is at most one (a unique index says so). */
    public Optional<IncidentCondition> findActive(String fingerprint) {
        return find("fingerprint = ?1 and active = true", fingerprint).firstResultOptional();
    }

    /** The most recent condition of a fingerprint whose incident is resolved, if it cleared after {@code since}. */
    public Optional<IncidentCondition> findRecentlyCleared(String fingerprint, Instant since) {
        return find("fingerprint = ?1 and active = false and clearedAt >= ?2", Sort.descending("clearedAt"),
                fingerprint, since).firstResultOptional();
    }

    public List<IncidentCondition> ofIncident(UUID incidentId) {
        return list("incidentId", Sort.ascending("firstSeenAt").and("id"), incidentId);
    }

    /** Conditions whose hold-down has passed, locked; other replicas pass over them. */
    @SuppressWarnings("unchecked")
    public List<IncidentCondition> claimDueToClear(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM incident_condition
                WHERE clear_due_at <= :now AND status = 'CLEARING'
                ORDER BY clear_due_at LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, IncidentCondition.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** When the next condition's hold-down ends. */
    public Optional<Instant> nextClearDue() {
        return getEntityManager()
                .createQuery("select min(c.clearDueAt) from IncidentCondition c where c.status = :clearing", Instant.class)
                .setParameter("clearing", ConditionStatus.CLEARING)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }
}
