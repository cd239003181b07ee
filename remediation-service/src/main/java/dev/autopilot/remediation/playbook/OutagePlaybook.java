package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * P0, total outage: the runbook's checks, then its emergency rollback done right. Finds revision N-1 among the
 * family's ACTIVE revisions, backs up the metadata table first, rolls the service back, tells the alerts topic and
 * waits until the service is stable.
 *
 * @param target                   the managed service
 * @param rollbackRequiresApproval whether the rollback step waits for a person's approval
 */
public record OutagePlaybook(ManagedService target, boolean rollbackRequiresApproval) implements Playbook {

    /** The placeholder of the revision the rollback goes to. */
    private static final String PREVIOUS_REVISION = "<N-1>";

    private static final DateTimeFormatter BACKUP_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "outage";
    }

    @Override
    public List<PlaybookStep> plan(IncidentOpened incident, Instant now) {
        String previous = target.taskDefinitionFamily() + ":" + PREVIOUS_REVISION;
        return List.of(
                target.describeServices("Check the ECS service and its current task definition (revision N)",
                        target.service()),
                target.describeTargetHealth("Check the health of the load balancer's targets"),
                PlaybookStep.call("Find revision N-1 among the family's active task definitions", "ecs",
                        "ListTaskDefinitions",
                        "familyPrefix", target.taskDefinitionFamily(),
                        "status", "ACTIVE",
                        "sort", "DESC"),
                PlaybookStep.call("Back up the metadata table before the rollback", "dynamodb", "CreateBackup",
                        "TableName", target.metadataTable(),
                        "BackupName", backupName(now)),
                target.updateService("Roll the service back to revision N-1", target.service(),
                        "taskDefinition", previous).withApproval(rollbackRequiresApproval),
                PlaybookStep.call("Announce the rollback on the alerts topic", "sns", "Publish",
                        "TopicArn", target.alertsTopicArn(),
                        "Message", "EMERGENCY ROLLBACK: Service rolled back to " + previous),
                target.describeServices("Wait until the service is stable", target.service()));
    }

    /** The runbook's on-demand backup name, {@code manual-backup-YYYYMMDD-HHMMSS} in UTC. */
    private static String backupName(Instant at) {
        return "manual-backup-" + BACKUP_TIME.format(at);
    }
}
