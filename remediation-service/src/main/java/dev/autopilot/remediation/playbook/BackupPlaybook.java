package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/**
 * The daily backup: an on-demand DynamoDB backup of the metadata table named as the runbook names it
 * ({@code manual-backup-YYYYMMDD-HHMMSS}, UTC), then the table's backups listed for the reports.
 *
 * @param target the managed service, with its metadata table
 */
public record BackupPlaybook(ManagedService target) implements Playbook {

    public static final String NAME = "backup";

    @Override
    public String name() {
        return NAME;
    }

    /** Backups run on their schedule, not for an incident type. */
    @Override
    public List<String> types() {
        return List.of();
    }

    @Override
    public String target(Occasion occasion) {
        return "dynamodb:" + target.metadataTable();
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        return List.of(
                PlaybookStep.call("Back up the metadata table", "dynamodb", "CreateBackup",
                        "TableName", target.metadataTable(),
                        "BackupName", OutagePlaybook.BACKUP_NAME)
                        .changing("backup"),
                PlaybookStep.call("List the table's backups", "dynamodb", "ListBackups",
                        "TableName", target.metadataTable()));
    }
}
