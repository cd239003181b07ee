package dev.autopilot.remediation.action.cloudwatch;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Amazon CloudWatch (smithy-rpc-v2-cbor on the wire): metric statistics as evidence (CPU, request counts) and, for
 * verification, an alarm's metric compared with its threshold.
 */
@ApplicationScoped
public class CloudWatchAction implements Action {

    private final CloudWatchClient cloudWatch;

    @Inject
    public CloudWatchAction(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public String service() {
        return "cloudwatch";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("GetMetricStatistics", Effect.READ);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"GetMetricStatistics".equals(call.operation())) {
            return ActionResult.failed("cloudwatch has no operation " + call.operation(), false);
        }
        Parameters parameters = call.parameters();
        List<String> statistics = parameters.strings("Statistics");
        GetMetricStatisticsRequest request = GetMetricStatisticsRequest.builder()
                .namespace(parameters.string("Namespace"))
                .metricName(parameters.string("MetricName"))
                .dimensions(parameters.maps("Dimensions").stream()
                        .map(d -> Dimension.builder().name(String.valueOf(d.get("Name")))
                                .value(String.valueOf(d.get("Value"))).build())
                        .toList())
                .startTime(Instant.parse(parameters.string("StartTime")))
                .endTime(Instant.parse(parameters.string("EndTime")))
                .period(parameters.integer("Period"))
                .statisticsWithStrings(statistics)
                .build();
        String statistic = statistics.get(0);
        return AwsRequests.read(call, request, cloudWatch::getMetricStatistics, response -> {
            // a datapoint without the statistic asked for is no evidence of it
            List<Datapoint> points = response.datapoints().stream()
                    .filter(p -> p.timestamp() != null && value(p, statistic) != null)
                    .sorted(Comparator.comparing(Datapoint::timestamp)).toList();
            List<Double> values = points.stream().map(p -> value(p, statistic)).toList();
            String summary = values.isEmpty() ? "no datapoints"
                    : points.size() + " datapoints of " + request.metricName() + " " + statistic + ", highest "
                            + values.stream().mapToDouble(Double::doubleValue).max().orElse(0) + ", last "
                            + values.get(values.size() - 1);
            return ActionResult.done(summary)
                    .withFacts(Map.of("metric." + request.metricName() + "." + statistic, values))
                    .withEvidence(Map.of("datapoints", points.stream().map(p -> {
                        Map<String, Object> point = new LinkedHashMap<>();
                        point.put("timestamp", p.timestamp().toString());
                        point.put(statistic, value(p, statistic));
                        point.put("unit", p.unitAsString());
                        return point;
                    }).toList()));
        });
    }

    /**
     * An alarm's metric now, against the alarm's threshold.
     *
     * @param metric    the metric and statistic, for people
     * @param value     the newest value in the last three periods, if there is one
     * @param threshold the alarm's threshold
     */
    public record AlarmMetric(String metric, Optional<Double> value, Threshold threshold) {
    }

    /**
     * Reads the alarm and its metric's newest value; empty when there is no such alarm or it cannot be compared
     * with one value. Throws {@link AwsRequests.Failed} when a call fails.
     */
    public Optional<AlarmMetric> alarmMetric(String alarmName, Instant now) {
        DescribeAlarmsRequest describe = DescribeAlarmsRequest.builder().alarmNames(alarmName).build();
        Optional<MetricAlarm> found = AwsRequests.fetch(describe, cloudWatch::describeAlarms).metricAlarms().stream()
                .findFirst();
        if (found.isEmpty() || !Threshold.comparable(found.get().comparisonOperatorAsString())
                || found.get().statisticAsString() == null) {
            return Optional.empty();
        }
        MetricAlarm alarm = found.get();
        int period = alarm.period() == null ? 60 : alarm.period();
        GetMetricStatisticsRequest request = GetMetricStatisticsRequest.builder()
                .namespace(alarm.namespace())
                .metricName(alarm.metricName())
                .dimensions(alarm.dimensions())
                .startTime(now.minus(Duration.ofSeconds(3L * period)))
                .endTime(now)
                .period(period)
                .statisticsWithStrings(alarm.statisticAsString())
                .build();
        Optional<Double> latest = AwsRequests.fetch(request, cloudWatch::getMetricStatistics).datapoints().stream()
                .filter(p -> p.timestamp() != null && value(p, alarm.statisticAsString()) != null)
                .max(Comparator.comparing(Datapoint::timestamp))
                .map(p -> value(p, alarm.statisticAsString()));
        return Optional.of(new AlarmMetric(alarm.metricName() + " " + alarm.statisticAsString(), latest,
                new Threshold(alarm.comparisonOperatorAsString(), alarm.threshold())));
    }

    private static Double value(Datapoint point, String statistic) {
        return switch (statistic) {
            case "Average" -> point.average();
            case "Maximum" -> point.maximum();
            case "Minimum" -> point.minimum();
            case "Sum" -> point.sum();
            case "SampleCount" -> point.sampleCount();
            default -> null;
        };
    }
}
