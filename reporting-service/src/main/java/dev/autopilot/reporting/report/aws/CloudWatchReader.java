package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Alarms and the pipeline's metrics: CloudWatch DescribeAlarms and GetMetricData. */
@ApplicationScoped
public class CloudWatchReader {

    public static final String ALARMS = "cloudwatch:DescribeAlarms";
    public static final String METRICS = "cloudwatch:GetMetricData";

    private final CloudWatchClient cloudWatch;

    @Inject
    public CloudWatchReader(AwsClients aws) {
        this.cloudWatch = aws.build(CloudWatchClient.builder());
    }

    /** The alarms in state ALARM whose names contain {@code pattern}. */
    public Section alarmsInAlarm(String pattern, int maxPages) {
        List<MetricAlarm> firing = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeAlarmsResponse response = cloudWatch.describeAlarms(b -> b.stateValue(StateValue.ALARM)
                    .nextToken(next));
            response.metricAlarms().stream()
                    .filter(a -> a.alarmName() != null && a.alarmName().toLowerCase(Locale.ROOT)
                            .contains(pattern.toLowerCase(Locale.ROOT)))
                    .forEach(firing::add);
            token = response.nextToken();
        } while (token != null && ++pages < maxPages);
        List<List<String>> rows = firing.stream().map(a -> List.of(a.alarmName(),
                a.stateReason() == null ? "" : a.stateReason(),
                a.stateUpdatedTimestamp() == null ? "" : a.stateUpdatedTimestamp().toString())).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("inAlarm", firing.stream().map(MetricAlarm::alarmName).toList());
        return Section.of(ALARMS, "Alarms in ALARM", List.of(firing.isEmpty()
                ? "no alarm containing '" + pattern + "' is in ALARM"
                : firing.size() + " alarm(s) containing '" + pattern + "' in ALARM"), facts)
                .withTable(List.of("alarm", "reason", "since"), rows);
    }

    /**
     * The pipeline's days in [from, to): the daily average of {@code PipelineExecutionTime} and the daily sum of
     * {@code GenerationSuccess}.
     */
    public Section pipelineDays(String namespace, Instant from, Instant to, ZoneId zone) {
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(from).endTime(to)
                .metricDataQueries(query("time", namespace, "PipelineExecutionTime", "Average"),
                        query("success", namespace, "GenerationSuccess", "Sum")));
        Map<LocalDate, Double[]> days = new TreeMap<>();
        for (MetricDataResult result : response.metricDataResults()) {
            int column = "time".equals(result.id()) ? 0 : 1;
            for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
                days.computeIfAbsent(LocalDate.ofInstant(result.timestamps().get(i), zone), d -> new Double[2])
                        [column] = result.values().get(i);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        double successes = 0;
        double timeSum = 0;
        int timeDays = 0;
        for (Map.Entry<LocalDate, Double[]> day : days.entrySet()) {
            Double time = day.getValue()[0];
            Double success = day.getValue()[1];
            rows.add(List.of(day.getKey().toString(), time == null ? "-" : String.format(Locale.ROOT, "%.1f s", time),
                    success == null ? "-" : String.format(Locale.ROOT, "%.0f", success)));
            if (time != null) {
                timeSum += time;
                timeDays++;
            }
            successes += success == null ? 0 : success;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("days", rows.size());
        facts.put("generationSuccessTotal", successes);
        facts.put("averageExecutionSeconds", timeDays == 0 ? null : timeSum / timeDays);
        String line = rows.isEmpty() ? "no data points"
                : String.format(Locale.ROOT, "%.0f successful generations; pipeline time averaged %s over %d day(s)",
                        successes, timeDays == 0 ? "-" : String.format(Locale.ROOT, "%.1f s", timeSum / timeDays),
                        rows.size());
        return Section.of(METRICS, "Pipeline by day", List.of(line), facts)
                .withTable(List.of("day", "average PipelineExecutionTime", "GenerationSuccess"), rows);
    }

    private static MetricDataQuery query(String id, String namespace, String metric, String stat) {
        return MetricDataQuery.builder().id(id)
                .metricStat(s -> s.metric(m -> m.namespace(namespace).metricName(metric)).period(86_400).stat(stat))
                .build();
    }
}
