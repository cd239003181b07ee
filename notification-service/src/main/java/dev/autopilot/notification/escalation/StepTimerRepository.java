package dev.autopilot.notification.escalation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The escalation timers. */
@ApplicationScoped
public class StepTimerRepository implements PanacheRepositoryBase<StepTimer, UUID> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO escalation_step (id, incident_id, round, policy, step, due_at, status, version)
            VALUES (:id, :incidentId, :round, :policy, :step, :dueAt, 'PENDING', 0)
            ON CONFLICT ON CONSTRAINT escalation_step_once DO NOTHING
            """;

    private static final String CLAIM_NEXT_DUE = """
            SELECT * FROM escalation_step
            WHERE status = 'PENDING' AND due_at <= :now
            ORDER BY due_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;

    private static final String LOCK_DUE_OF_INCIDENT = """
            SELECT * FROM escalation_step
            WHERE incident_id = :incidentId AND status = 'PENDING' AND due_at <= :now
            ORDER BY due_at, step
            FOR UPDATE SKIP LOCKED
            """;

    private static final String LOCK_PENDING_OF_INCIDENT = """
            SELECT * FROM escalation_step
            WHERE incident_id = :incidentId AND status = 'PENDING'
            ORDER BY due_at, step
            FOR UPDATE
            """;

    public boolean addIfAbsent(StepTimer timer) {
        return getEntityManager().createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("id", timer.id())
                .setParameter("incidentId", timer.incidentId())
                .setParameter("round", timer.round())
                .setParameter("policy", timer.policy())
                .setParameter("step", timer.step())
                .setParameter("dueAt", timer.dueAt())
                .executeUpdate() == 1;
    }

    /** Claims the pending step due first, if any; other replicas pass over it. */
    @SuppressWarnings("unchecked")
    public Optional<StepTimer> claimNextDue(Instant now) {
        List<StepTimer> due = getEntityManager().createNativeQuery(CLAIM_NEXT_DUE, StepTimer.class)
                .setParameter("now", now).getResultList();
        return due.stream().findFirst();
    }

    /** The incident's steps due by now, locked (the ones another replica is firing are left out). */
    @SuppressWarnings("unchecked")
    public List<StepTimer> lockDueOf(String incidentId, Instant now) {
        return getEntityManager().createNativeQuery(LOCK_DUE_OF_INCIDENT, StepTimer.class)
                .setParameter("incidentId", incidentId).setParameter("now", now).getResultList();
    }

    /** The incident's pending steps, locked (waiting for one being fired right now). */
    @SuppressWarnings("unchecked")
    public List<StepTimer> lockPendingOf(String incidentId) {
        return getEntityManager().createNativeQuery(LOCK_PENDING_OF_INCIDENT, StepTimer.class)
                .setParameter("incidentId", incidentId).getResultList();
    }

    /** When the pending step due first is due. */
    public Optional<Instant> nextDueAt() {
        return getEntityManager()
                .createQuery("select min(t.dueAt) from StepTimer t where t.status = :pending", Instant.class)
                .setParameter("pending", StepTimer.Status.PENDING)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }

    public List<StepTimer> of(String incidentId) {
        return list("incidentId", Sort.ascending("round", "dueAt", "step"), incidentId);
    }
}
