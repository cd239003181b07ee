package dev.autopilot.detector.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConditionRepository implements PanacheRepositoryBase<IncidentCondition, UUID> {

    /** The conditions of these fingerprints in active incidents, by fingerprint (a unique index keeps one each). */
    public Map<String, IncidentCondition> findActive(Collection<String> fingerprints) {
        Map<String, IncidentCondition> active = new HashMap<>();
        list("fingerprint in ?1 and active = true", fingerprints).forEach(c -> active.put(c.fingerprint(), c));
        return active;
    }

    /** For each of these fingerprints, its latest condition of a resolved incident that cleared at or after {@code since}. */
    public Map<String, IncidentCondition> findRecentlyCleared(Collection<String> fingerprints, Instant since) {
        Map<String, IncidentCondition> latest = new HashMap<>();
        list("fingerprint in ?1 and active = false and clearedAt >= ?2", Sort.descending("clearedAt"), fingerprints,
                since).forEach(c -> latest.putIfAbsent(c.fingerprint(), c));
        return latest;
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
