package dev.autopilot.remediation.backup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The backup schedules; their {@code next_run_at} is a timer. */
@ApplicationScoped
public class BackupScheduleRepository implements PanacheRepositoryBase<BackupSchedule, String> {

    private static final String CLAIM_DUE = """
            SELECT * FROM backup_schedule WHERE next_run_at <= :now
            ORDER BY next_run_at, name
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;

    /** The schedule due first, locked; other replicas pass over it. */
    @SuppressWarnings("unchecked")
    public Optional<BackupSchedule> claimDue(Instant now) {
        List<BackupSchedule> due = getEntityManager().createNativeQuery(CLAIM_DUE, BackupSchedule.class)
                .setParameter("now", now)
                .getResultList();
        return due.stream().findFirst();
    }

    /** When the next schedule falls due, after {@code now} (one due already is being run by another replica). */
    public Optional<Instant> nextRunAfter(Instant now) {
        return getEntityManager()
                .createQuery("select min(s.nextRunAt) from BackupSchedule s where s.nextRunAt > :now", Instant.class)
                .setParameter("now", now)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }
}
