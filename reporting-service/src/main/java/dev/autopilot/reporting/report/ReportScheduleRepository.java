package dev.autopilot.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReportScheduleRepository implements PanacheRepositoryBase<ReportSchedule, String> {

    /**
     * The schedule due first at {@code now}, locked until the transaction ends; a schedule another replica holds is
     * skipped, so each run happens once.
     */
    @SuppressWarnings("unchecked")
    public Optional<ReportSchedule> claimDue(Instant now) {
        List<ReportSchedule> due = getEntityManager().createNativeQuery("""
                SELECT * FROM report_schedule
                WHERE enabled AND next_run_at <= ?1
                ORDER BY next_run_at, kind
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """, ReportSchedule.class).setParameter(1, now).getResultList();
        return due.stream().findFirst();
    }

    /** When the next enabled schedule is due. */
    public Optional<Instant> nextDueAt() {
        return find("enabled = true and nextRunAt is not null order by nextRunAt").firstResultOptional()
                .map(ReportSchedule::nextRunAt);
    }
}
