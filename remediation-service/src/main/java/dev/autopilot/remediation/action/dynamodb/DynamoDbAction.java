package dev.autopilot.remediation.action.dynamodb;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;

/**
 * Amazon DynamoDB: on-demand backups of a table, and the list of its backups. A backup replaces nothing, so there
 * is nothing to undo.
 */
@ApplicationScoped
public class DynamoDbAction implements Action {

    private final DynamoDbClient dynamoDb;

    @Inject
    public DynamoDbAction(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("CreateBackup", Effect.CHANGE, "ListBackups", Effect.READ);
    }

    @Override
    public ActionResult run(ActionCall call) {
        return switch (call.operation()) {
            case "CreateBackup" -> createBackup(call);
            case "ListBackups" -> listBackups(call);
            default -> ActionResult.failed("dynamodb has no operation " + call.operation(), false);
        };
    }

    private ActionResult createBackup(ActionCall call) {
        CreateBackupRequest request = CreateBackupRequest.builder()
                .tableName(call.parameters().string("TableName"))
                .backupName(call.parameters().string("BackupName"))
                .build();
        return AwsRequests.change(call, "back up " + request.tableName() + " as " + request.backupName(), request,
                dynamoDb::createBackup, response -> ActionResult.done("backup " + request.backupName() + " of "
                        + request.tableName() + " is " + response.backupDetails().backupStatusAsString())
                        .withFacts(Map.of("backupArn", response.backupDetails().backupArn()))
                        .withEvidence(Map.of("backupArn", response.backupDetails().backupArn(),
                                "backupName", response.backupDetails().backupName())));
    }

    private ActionResult listBackups(ActionCall call) {
        ListBackupsRequest request = ListBackupsRequest.builder()
                .tableName(call.parameters().string("TableName"))
                .build();
        return AwsRequests.read(call, request, dynamoDb::listBackups, response -> {
            List<Map<String, Object>> backups = response.backupSummaries().stream().map(DynamoDbAction::view).toList();
            return ActionResult.done(backups.size() + (backups.size() == 1 ? " backup" : " backups") + " of "
                    + request.tableName()).withEvidence(Map.of("backups", backups));
        });
    }

    /** The backups of a table, newest first, for the reports. */
    public List<Map<String, Object>> backupsOf(String table) {
        ListBackupsRequest request = ListBackupsRequest.builder().tableName(table).build();
        return AwsRequests.fetch(request, dynamoDb::listBackups).backupSummaries().stream()
                .sorted(Comparator.comparing(BackupSummary::backupCreationDateTime,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .map(DynamoDbAction::view).toList();
    }

    private static Map<String, Object> view(BackupSummary backup) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("backupName", backup.backupName());
        view.put("backupArn", backup.backupArn());
        view.put("status", backup.backupStatusAsString());
        view.put("type", backup.backupTypeAsString());
        view.put("createdAt", backup.backupCreationDateTime() == null ? null
                : backup.backupCreationDateTime().toString());
        view.put("sizeBytes", backup.backupSizeBytes());
        return view;
    }
}
