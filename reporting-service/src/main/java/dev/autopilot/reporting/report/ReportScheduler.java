package dev.autopilot.reporting.report;

import dev.autopilot.reporting.ReportingConfig;
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
import java.util.Optional;

/**
 * Runs the scheduled reports when due. Each run is one transaction: claim the due schedule row
 * ({@code FOR UPDATE SKIP LOCKED}, so two replicas never run the same one), run the report, move the row to its
 * next time. A run that fails rolls back and is retried; a restart loses none. The worker sleeps until the next
 * schedule is due (a slow poll is only the fallback).
 */
@ApplicationScoped
public class ReportScheduler {

    private final ReportScheduleRepository schedules;
    private final ReportService reports;
    private final ReportConfig config;
    private final Clock clock;
    private final SignalledWorker worker;

    @Inject
    public ReportScheduler(ReportScheduleRepository schedules, ReportService reports, ReportingConfig config,
            Clock clock) {
        this.schedules = schedules;
        this.reports = reports;
        this.config = config.reports();
        this.clock = clock;
        this.worker = new SignalledWorker("report-scheduler", this.config.fallbackInterval(), this::runDue);
    }

    void start(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            schedules.listAll().forEach(s -> s.plan(now));
        });
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    /** Asks the worker to look for due reports now. */
    public void wake() {
        worker.wake();
    }

    /**
     * Runs the report due first, if one is due and no other replica is running it; true when one ran (more may be
     * due). When none is due, asks to be woken when the next one is.
     */
    public boolean runDue() {
        return QuarkusTransaction.requiringNew().timeout((int) config.runTimeout().toSeconds()).call(() -> {
            Instant now = clock.instant();
            Optional<ReportSchedule> due = schedules.claimDue(now);
            if (due.isEmpty()) {
                schedules.nextDueAt().ifPresent(next -> worker.wakeWithin(Duration.between(now, next)));
                return false;
            }
            ReportSchedule schedule = due.get();
            reports.run(schedule.kind(), "schedule", schedule.nextRunAt(), schedule.zone());
            schedule.ran(now);
            return true;
        });
    }
}
