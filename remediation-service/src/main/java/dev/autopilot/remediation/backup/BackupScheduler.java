package dev.autopilot.remediation.backup;

import dev.autopilot.remediation.playbook.BackupPlaybook;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.remediation.run.Remediation;
import dev.autopilot.remediation.run.RemediationService;
import dev.autopilot.support.worker.SignalledWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The daily backup of the metadata table: a schedule row (written from configuration at start-up), claimed when
 * due ({@code FOR UPDATE SKIP LOCKED}), which plans a run of the backup playbook and moves to the next day in the
 * same transaction. Its thread sleeps until the next run is due.
 */
@ApplicationScoped
public class BackupScheduler {

    public static final String DAILY = "daily-metadata-backup";

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class);

    private final BackupScheduleRepository schedules;
    private final RemediationService remediations;
    private final RemediationConfig config;
    private final Clock clock;
    private final SignalledWorker worker;

    @Inject
    public BackupScheduler(BackupScheduleRepository schedules, RemediationService remediations,
            RemediationConfig config, Clock clock) {
        this.schedules = schedules;
        this.remediations = remediations;
        this.config = config;
        this.clock = clock;
        this.worker = new SignalledWorker("backup-scheduler", Duration.ofMinutes(5), this::runDue);
    }

    void start(@Observes StartupEvent event) {
        if (!config.backups().enabled()) {
            QuarkusTransaction.requiringNew().run(() -> schedules.deleteById(DAILY));
            LOG.info("the daily backup is off (remediation.backups.enabled=false)");
            return;
        }
        DailyTime time = DailyTime.parse(config.backups().dailyAt());
        String table = config.managedService().metadataTable();
        QuarkusTransaction.requiringNew().run(() -> schedules.findByIdOptional(DAILY).ifPresentOrElse(
                schedule -> schedule.configure(table, time, clock.instant()),
                () -> schedules.persist(BackupSchedule.of(DAILY, table, time, clock.instant()))));
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    /** Looks for a due backup now (after the time moved on). */
    public void wake() {
        worker.wake();
    }

    /** Plans the backup due first, if any; true when one was due. Otherwise sleeps until the next one is. */
    boolean runDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<BackupSchedule> due = schedules.claimDue(now);
            if (due.isEmpty()) {
                schedules.nextRunAfter(now).ifPresent(next -> worker.wakeWithin(Duration.between(now, next)));
                return false;
            }
            BackupSchedule schedule = due.get();
            Occasion occasion = new Occasion(null, BackupPlaybook.NAME, "daily backup of " + schedule.tableName(),
                    Map.of("table", schedule.tableName()));
            Optional<Remediation> planned = remediations.scheduledBackup(schedule.name(), occasion,
                    schedule.nextRunAt());
            schedule.ran(planned.map(Remediation::id).orElse(schedule.lastRemediationId()), now);
            LOG.infof("backup %s of %s due at %s: remediation %s; next at %s", schedule.name(),
                    schedule.tableName(), schedule.lastRunAt(), schedule.lastRemediationId(), schedule.nextRunAt());
            return true;
        });
    }
}
