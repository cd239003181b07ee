package dev.autopilot.remediation.run;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The remediations and their steps; the steps' {@code due_at} is the engine's queue of timers. */
@ApplicationScoped
public class RemediationRepository implements PanacheRepositoryBase<Remediation, UUID> {

    private static final String CLAIM_NEXT_DUE = """
            SELECT s.id FROM remediation_step s JOIN remediation r ON r.id = s.remediation_id
            WHERE s.due_at <= :now
            ORDER BY s.due_at, s.id
            LIMIT 1
            FOR UPDATE OF s, r SKIP LOCKED
            """;

    /** The first unfinished step of each remediation queued for the target: due now, to try for the lock again. */
    private static final String WAKE_QUEUED = """
            UPDATE remediation_step SET due_at = :now WHERE id IN (
                SELECT DISTINCT ON (s.remediation_id) s.id FROM remediation_step s
                JOIN remediation r ON r.id = s.remediation_id
                WHERE r.target = :target AND r.status = 'QUEUED'
                  AND s.status NOT IN ('SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED')
                ORDER BY s.remediation_id, s.position)
            """;

    /**
     * Claims the step due first, if one is due, with its remediation: both rows stay locked until the caller's
     * transaction ends, and other replicas pass over them instead of waiting.
     */
    public Optional<RemediationStep> claimNextDue(Instant now) {
        List<?> ids = getEntityManager().createNativeQuery(CLAIM_NEXT_DUE, UUID.class)
                .setParameter("now", now)
                .getResultList();
        return ids.stream().findFirst().map(id -> getEntityManager().find(RemediationStep.class, id));
    }

    /**
     * When the next step falls due, after {@code now}. (A step due already but not claimable is being run by
     * another thread, which carries on with it.)
     */
    public Optional<Instant> nextDueAfter(Instant now) {
        return getEntityManager()
                .createQuery("select min(s.dueAt) from RemediationStep s where s.dueAt > :now", Instant.class)
                .setParameter("now", now)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }

    /** Makes the remediations queued for the target try for its lock now. */
    public void wakeQueued(String target, Instant now) {
        getEntityManager().flush();
        getEntityManager().createNativeQuery(WAKE_QUEUED)
                .setParameter("now", now)
                .setParameter("target", target)
                .executeUpdate();
    }

    /** The remediation, locked for a change (waits for the engine to finish a step of it). */
    public Optional<Remediation> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Remediation> findByTrigger(String triggerKey) {
        return find("triggerKey", triggerKey).firstResultOptional();
    }

    /** The incident's remediations, oldest first. */
    public List<Remediation> ofIncident(UUID incidentId) {
        return find("incidentId = ?1 order by plannedAt, id", incidentId).list();
    }

    /** The incident's remediations that have not finished, locked for a change. */
    public List<Remediation> lockUnfinishedOf(UUID incidentId) {
        return getEntityManager().createQuery("from Remediation where incidentId = :incident and status not in "
                        + ":finished order by plannedAt", Remediation.class)
                .setParameter("incident", incidentId)
                .setParameter("finished", List.of(RemediationStatus.SUCCEEDED, RemediationStatus.FAILED,
                        RemediationStatus.ESCALATED, RemediationStatus.REJECTED, RemediationStatus.CANCELLED,
                        RemediationStatus.UNDONE))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * What to list.
     *
     * @param incidentId of this incident
     * @param status     in this status
     * @param target     on this target
     * @param from       planned at or after
     * @param to         planned before
     */
    public record Filter(UUID incidentId, RemediationStatus status, String target, Instant from, Instant to) {
    }

    /** Newest first. */
    public List<Remediation> search(Filter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(where, parameters, "incidentId = :incidentId", "incidentId", filter.incidentId());
        condition(where, parameters, "status = :status", "status", filter.status());
        condition(where, parameters, "target = :target", "target", filter.target());
        condition(where, parameters, "plannedAt >= :from", "from", filter.from());
        condition(where, parameters, "plannedAt < :to", "to", filter.to());
        TypedQuery<Remediation> query = getEntityManager().createQuery(
                "from Remediation " + where + " order by plannedAt desc, id desc", Remediation.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
