package dev.autopilot.remediation.backup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A backup that runs every day: when it runs next, and its last run. A row, so restarts and replicas lose none. */
@Entity
@Table(name = "backup_schedule")
public class BackupSchedule {

    @Id
    private String name;

    private String tableName;

    private String dailyAt;

    private Instant nextRunAt;

    private Instant lastRunAt;

    private UUID lastRemediationId;

    protected BackupSchedule() {
    }

    public static BackupSchedule of(String name, String table, DailyTime time, Instant now) {
        BackupSchedule schedule = new BackupSchedule();
        schedule.name = name;
        schedule.tableName = table;
        schedule.dailyAt = time.at().toString();
        schedule.nextRunAt = time.nextAfter(now);
        return schedule;
    }

    /** Follows a changed configuration; the next run moves only if the time of day changed. */
    public void configure(String table, DailyTime time, Instant now) {
        tableName = table;
        if (!time.at().toString().equals(dailyAt)) {
            dailyAt = time.at().toString();
            nextRunAt = time.nextAfter(now);
        }
    }

    /** It ran (its remediation is planned); the next run is the next day's. */
    public void ran(UUID remediationId, Instant now) {
        lastRunAt = now.truncatedTo(ChronoUnit.MICROS);
        lastRemediationId = remediationId;
        Instant after = now.isAfter(nextRunAt) ? now : nextRunAt;
        nextRunAt = DailyTime.parse(dailyAt).nextAfter(after);
    }

    public String name() {
        return name;
    }

    public String tableName() {
        return tableName;
    }

    public String dailyAt() {
        return dailyAt;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }

    public UUID lastRemediationId() {
        return lastRemediationId;
    }
}
