package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The metadata table: projects generated and distinct users (DynamoDB Scan, by {@code created_at}, a date-time
 * string), and its backups (ListBackups).
 */
@ApplicationScoped
public class DynamoDbReader {

    public static final String SCAN = "dynamodb:Scan";
    public static final String BACKUPS = "dynamodb:ListBackups";
    /** The runbook's {@code BETWEEN} on dates, without its inclusive end: the next period's first day is not ours. */
    private static final String WITHIN = "created_at >= :start AND created_at < :end";

    private final DynamoDbClient dynamo;

    @Inject
    public DynamoDbReader(AwsClients aws) {
        this.dynamo = aws.build(DynamoDbClient.builder());
    }

    /** Items whose {@code created_at} falls from the first day up to, not including, the second. */
    public Section projectsGenerated(String table, LocalDate from, LocalDate to, int maxPages) {
        long[] count = {0};
        boolean truncated = scan(table, from, to, maxPages, b -> b.select(Select.COUNT),
                response -> count[0] += response.count() == null ? 0 : response.count());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("table", table);
        facts.put("projects", count[0]);
        facts.put("truncated", truncated);
        return Section.of(SCAN, "Projects generated", List.of(count[0] + " project(s) created " + from
                + (to.equals(from.plusDays(1)) ? "" : " to " + to.minusDays(1))), facts);
    }

    /** Distinct {@code user_id}s of the items created between the two days. */
    public Section distinctUsers(String table, LocalDate from, LocalDate to, int maxPages) {
        Set<String> users = new HashSet<>();
        long[] items = {0};
        boolean truncated = scan(table, from, to, maxPages, b -> b.projectionExpression("user_id"), response -> {
            for (Map<String, AttributeValue> item : response.items()) {
                items[0]++;
                AttributeValue user = item.get("user_id");
                if (user != null && user.s() != null) {
                    users.add(user.s());
                }
            }
        });
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("distinctUsers", users.size());
        facts.put("projects", items[0]);
        facts.put("truncated", truncated);
        return Section.of(SCAN, "Users", List.of(users.size() + " distinct user(s) created " + items[0]
                + " project(s)"), facts);
    }

    /**
     * The table's backups created in [from, to), and whether the newest is AVAILABLE. The request carries the bounds
     * and the answer is held to them too: a backup created outside them (or at an unknown time) is not counted.
     */
    public Section backups(String table, Instant from, Instant to, int maxPages) {
        List<BackupSummary> backups = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            String next = start;
            ListBackupsResponse response = dynamo.listBackups(b -> b.tableName(table).timeRangeLowerBound(from)
                    .timeRangeUpperBound(to).exclusiveStartBackupArn(next));
            response.backupSummaries().stream().filter(b -> createdWithin(b, from, to)).forEach(backups::add);
            start = response.lastEvaluatedBackupArn();
        } while (start != null && ++pages < maxPages);
        backups.sort(Comparator.comparing(BackupSummary::backupCreationDateTime).reversed());
        BackupSummary newest = backups.isEmpty() ? null : backups.get(0);
        boolean newestAvailable = newest != null && "AVAILABLE".equals(newest.backupStatusAsString());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("table", table);
        facts.put("backups", backups.size());
        facts.put("newest", newest == null ? null : newest.backupName());
        facts.put("newestAvailable", newestAvailable);
        List<List<String>> rows = backups.stream().map(b -> List.of(b.backupName(),
                String.valueOf(b.backupCreationDateTime()), b.backupStatusAsString(),
                S3Reader.size(b.backupSizeBytes() == null ? 0 : b.backupSizeBytes()))).toList();
        return Section.of(BACKUPS, "Backups", List.of(backups.isEmpty() ? "no backup of " + table + " this month"
                : backups.size() + " backup(s) of " + table + "; the newest, " + newest.backupName() + ", is "
                        + newest.backupStatusAsString() + (newestAvailable ? "" : " (attention)")), facts)
                .withTable(List.of("backup", "created", "status", "size"), rows);
    }

    private static boolean createdWithin(BackupSummary backup, Instant from, Instant to) {
        Instant created = backup.backupCreationDateTime();
        return created != null && !created.isBefore(from) && created.isBefore(to);
    }

    /** Scans the items created between the two days, page by page; true when pages were left unread. */
    private boolean scan(String table, LocalDate from, LocalDate to, int maxPages, Consumer<ScanRequest.Builder> more,
            Consumer<ScanResponse> page) {
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> next = start;
            ScanResponse response = dynamo.scan(b -> {
                b.tableName(table).filterExpression(WITHIN).expressionAttributeValues(range(from, to))
                        .exclusiveStartKey(next);
                more.accept(b);
            });
            page.accept(response);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && ++pages < maxPages);
        return start != null;
    }

    private static Map<String, AttributeValue> range(LocalDate from, LocalDate to) {
        return Map.of(":start", AttributeValue.fromS(from.toString()), ":end", AttributeValue.fromS(to.toString()));
    }
}
