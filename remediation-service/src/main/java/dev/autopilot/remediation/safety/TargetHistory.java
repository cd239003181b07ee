package dev.autopilot.remediation.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What this service did to a target before, from its own records: the changes it made (live, by kind), how its
 * remediations of the target ended, its last rollback and its last scaling. The rate limits, the circuit breaker
 * and the playbooks' conditions read it.
 */
@ApplicationScoped
public class TargetHistory {

    private static final String EXECUTIONS = """
            SELECT s.finished_at FROM remediation_step s JOIN remediation r ON r.id = s.remediation_id
            WHERE r.target = :target AND s.kind = :kind AND s.phase = 'RUN' AND s.status = 'SUCCEEDED'
              AND s.mode = 'LIVE' AND s.sent AND s.finished_at > :since
            ORDER BY s.finished_at
            """;

    private static final String OUTCOMES = """
            SELECT r.failure IS NOT NULL, r.finished_at FROM remediation r
            WHERE r.target = :target AND r.finished_at IS NOT NULL AND r.status IN ('SUCCEEDED', 'FAILED', 'UNDONE')
            ORDER BY r.finished_at DESC, r.id
            LIMIT :limit
            """;

    private static final String LAST_CHANGE = """
            SELECT s.request ->> 'taskDefinition', s.finished_at FROM remediation_step s
            JOIN remediation r ON r.id = s.remediation_id
            WHERE r.target = :target AND s.kind = :kind AND s.phase = 'RUN' AND s.status = 'SUCCEEDED'
              AND s.mode = 'LIVE' AND s.sent
            ORDER BY s.finished_at DESC
            LIMIT 1
            """;

    private final EntityManager entityManager;

    @Inject
    public TargetHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** When this service executed a change of that kind on the target, live, since then; oldest first. */
    public List<Instant> executions(String target, String kind, Instant since) {
        List<?> rows = entityManager.createNativeQuery(EXECUTIONS)
                .setParameter("target", target)
                .setParameter("kind", kind)
                .setParameter("since", since)
                .getResultList();
        return rows.stream().map(TargetHistory::instant).toList();
    }

    /** How the target's last finished remediations ended, newest first. */
    public List<CircuitBreaker.Outcome> outcomes(String target, int limit) {
        List<?> rows = entityManager.createNativeQuery(OUTCOMES)
                .setParameter("target", target)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new CircuitBreaker.Outcome((Boolean) row[0], instant(row[1])))
                .toList();
    }

    /**
     * The last change of that kind this service made to the target, live.
     *
     * @param taskDefinition for an ECS change, the task definition it set, if it set one
     * @param at             when
     */
    public record Change(String taskDefinition, Instant at) {
    }

    public Optional<Change> lastChange(String target, String kind) {
        List<?> rows = entityManager.createNativeQuery(LAST_CHANGE)
                .setParameter("target", target)
                .setParameter("kind", kind)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Change((String) row[0], instant(row[1])))
                .findFirst();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
