package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Error messages and log retention: CloudWatch Logs FilterLogEvents and DescribeLogGroups. */
@ApplicationScoped
public class LogsReader {

    public static final String ERRORS = "logs:FilterLogEvents";
    public static final String RETENTION = "logs:DescribeLogGroups";
    static final int TOP = 10;
    static final int MAX_MESSAGE = 200;

    private final CloudWatchLogsClient logs;

    @Inject
    public LogsReader(AwsClients aws) {
        this.logs = aws.build(CloudWatchLogsClient.builder());
    }

    /** The most frequent messages matching {@code pattern} in [from, to), top 10, by their text. */
    public Section topErrors(String logGroup, String pattern, Instant from, Instant to, int maxPages) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        String token = null;
        int pages = 0;
        do {
            String next = token;
            FilterLogEventsResponse response = logs.filterLogEvents(b -> b.logGroupName(logGroup)
                    .startTime(from.toEpochMilli()).endTime(to.toEpochMilli() - 1).filterPattern(pattern)
                    .nextToken(next));
            for (FilteredLogEvent event : response.events()) {
                counts.merge(messageOf(event.message()), 1, Integer::sum);
                total++;
            }
            token = response.nextToken();
        } while (token != null && ++pages < maxPages);
        List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).toList();
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, Object>> topFacts = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : top) {
            rows.add(List.of(String.valueOf(entry.getValue()), entry.getKey()));
            topFacts.add(Map.of("count", entry.getValue(), "message", entry.getKey()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("logGroup", logGroup);
        facts.put("events", total);
        facts.put("distinctMessages", counts.size());
        facts.put("truncated", token != null);
        facts.put("top", topFacts);
        return Section.of(ERRORS, "Most frequent " + pattern + " messages, last 24 h", List.of(total + " " + pattern
                + " event(s) in " + logGroup + ", " + counts.size() + " distinct message(s)"
                + (token != null ? " (more than " + maxPages + " pages: counted the first)" : "")), facts)
                .withTable(List.of("count", "message"), rows);
    }

    /** The log groups whose names contain {@code pattern} and whose retention is not {@code days} days. */
    public Section retention(String pattern, int days, int maxPages) {
        List<LogGroup> wrong = new ArrayList<>();
        int seen = 0;
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeLogGroupsResponse response = logs.describeLogGroups(b -> b.logGroupNamePattern(pattern)
                    .nextToken(next));
            for (LogGroup group : response.logGroups()) {
                seen++;
                if (group.retentionInDays() == null || group.retentionInDays() != days) {
                    wrong.add(group);
                }
            }
            token = response.nextToken();
        } while (token != null && ++pages < maxPages);
        wrong.sort(Comparator.comparing(LogGroup::logGroupName));
        List<List<String>> rows = wrong.stream().map(g -> List.of(g.logGroupName(),
                g.retentionInDays() == null ? "never expires" : g.retentionInDays() + " days")).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("logGroups", seen);
        facts.put("withoutRetention", wrong.stream().map(LogGroup::logGroupName).toList());
        return Section.of(RETENTION, "Log groups without " + days + "-day retention", List.of(wrong.size()
                + " of " + seen + " log group(s) containing '" + pattern + "' lack " + days + "-day retention"), facts)
                .withTable(List.of("log group", "retention"), rows);
    }

    /** A message by its text: on one line, at most 200 characters. */
    static String messageOf(String message) {
        String oneLine = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + "…";
    }

}
