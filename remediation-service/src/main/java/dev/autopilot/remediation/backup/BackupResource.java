package dev.autopilot.remediation.backup;

import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.dynamodb.DynamoDbAction;
import dev.autopilot.remediation.mode.ModeSettings;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The metadata table's backups (DynamoDB ListBackups), and the daily schedule, for the reports. */
@Path("/backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    private final BackupScheduleRepository schedules;
    private final DynamoDbAction dynamoDb;
    private final ModeSettings modes;
    private final RemediationConfig config;

    @Inject
    public BackupResource(BackupScheduleRepository schedules, DynamoDbAction dynamoDb, ModeSettings modes,
            RemediationConfig config) {
        this.schedules = schedules;
        this.dynamoDb = dynamoDb;
        this.modes = modes;
        this.config = config;
    }

    /**
     * The backups and the schedule.
     *
     * @param table     the table
     * @param dailyAt   when the daily backup runs (UTC), if it does
     * @param nextRunAt when it runs next
     * @param lastRunAt when it last ran
     * @param backups   the table's backups, newest first (empty without AWS credentials)
     */
    public record BackupsView(String table, String dailyAt, Instant nextRunAt, Instant lastRunAt,
            List<Map<String, Object>> backups) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public BackupsView list() {
        String table = config.managedService().metadataTable();
        List<Map<String, Object>> backups;
        try {
            backups = modes.credentialsAvailable() ? dynamoDb.backupsOf(table) : List.of();
        } catch (AwsRequests.Failed e) {
            throw ProblemException.unavailable("DynamoDB ListBackups failed: " + e.result().outcome());
        }
        return schedules.findByIdOptional(BackupScheduler.DAILY)
                .map(s -> new BackupsView(table, s.dailyAt(), s.nextRunAt(), s.lastRunAt(), backups))
                .orElseGet(() -> new BackupsView(table, null, null, null, backups));
    }
}
