package dev.autopilot.remediation.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * One running remediation per target. The lock is a row: taken by an insert that only one transaction can make,
 * released in the transaction that finishes the remediation. A lock left by a remediation that has finished (it
 * cannot, but should it) is taken over rather than waited for forever.
 */
@ApplicationScoped
public class TargetLocks {

    private static final String ACQUIRE = """
            INSERT INTO target_lock (target, remediation_id, acquired_at) VALUES (:target, :remediation, :now)
            ON CONFLICT (target) DO UPDATE SET remediation_id = EXCLUDED.remediation_id, acquired_at = EXCLUDED.acquired_at
            WHERE target_lock.remediation_id = EXCLUDED.remediation_id
               OR NOT EXISTS (SELECT 1 FROM remediation r WHERE r.id = target_lock.remediation_id
                              AND r.status IN ('RUNNING', 'AWAITING_APPROVAL', 'UNDOING'))
            RETURNING remediation_id
            """;

    private final EntityManager entityManager;

    @Inject
    public TargetLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes (or keeps) the target's lock for the remediation; false when another running remediation holds it. */
    public boolean acquire(String target, UUID remediationId, Instant now) {
        return !entityManager.createNativeQuery(ACQUIRE)
                .setParameter("target", target)
                .setParameter("remediation", remediationId)
                .setParameter("now", now)
                .getResultList().isEmpty();
    }

    /** The remediation holding the target's lock, if any. */
    public java.util.Optional<UUID> holder(String target) {
        return entityManager.createNativeQuery("SELECT remediation_id FROM target_lock WHERE target = :target", UUID.class)
                .setParameter("target", target)
                .getResultList().stream().findFirst().map(UUID.class::cast);
    }

    /** Releases the lock if the remediation holds it. */
    public void release(String target, UUID remediationId) {
        entityManager.createNativeQuery("DELETE FROM target_lock WHERE target = :target AND remediation_id = :remediation")
                .setParameter("target", target)
                .setParameter("remediation", remediationId)
                .executeUpdate();
    }
}
