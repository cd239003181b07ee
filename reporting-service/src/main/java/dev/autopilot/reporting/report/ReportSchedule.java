package dev.autopilot.reporting.report;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a kind of report runs next: one row per kind, claimed by one replica at a time. */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule {

    @Id
    private String kind;

    private String zone;

    private LocalTime runAt;

    private boolean enabled;

    private Instant nextRunAt;

    private Instant lastRunAt;

    protected ReportSchedule() {
    }

    public ReportKind kind() {
        return ReportKind.of(kind).orElseThrow(() -> new IllegalStateException("unknown report kind " + kind));
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public LocalTime runAt() {
        return runAt;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }

    /** Sets the first run after {@code now}, if none is set. */
    public void plan(Instant now) {
        if (nextRunAt == null) {
            nextRunAt = kind().nextRun(now, zone(), runAt);
        }
    }

    /** Records the run due at {@code nextRunAt} as done, at {@code now}; the next is the first after both. */
    public void ran(Instant now) {
        lastRunAt = nextRunAt;
        Instant after = nextRunAt == null || now.isAfter(nextRunAt) ? now : nextRunAt;
        nextRunAt = kind().nextRun(after, zone(), runAt);
    }
}
