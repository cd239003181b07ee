package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import dev.autopilot.support.aws.AwsClients;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * CloudWatch {@code GetMetricData}, one call for all the runbook's metrics of the last ten minutes at one-minute
 * periods: ECS CPU and memory of the service, the pipeline's P95 execution time, the error rate (5xx answers of
 * the targets over all requests, as metric math), and each agent's execution time. The latest point of each is
 * a sample; a metric without points in the window says nothing.
 */
@Singleton // not a client proxy: it extends ConfiguredCheck, which has no no-args constructor
public class MetricsCheck extends ConfiguredCheck {

    static final int PERIOD_SECONDS = 60;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Query(String id, String metric, String agent, String sli) {
    }

    private final ManagedServiceConfig managed;
    private final Supplier<CloudWatchClient> cloudWatch;

    @Inject
    public MetricsCheck(ChecksConfig checks, ManagedServiceConfig managed, AwsClients aws) {
        super(checks.metrics());
        this.managed = managed;
        this.cloudWatch = aws.lazily(CloudWatchClient::builder);
    }

    @Override
    public String name() {
        return "cloudwatch-metric";
    }

    @Override
    public List<SignalReceived> run(Instant now) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, Query> meaning = new HashMap<>();
        List<Dimension> ecs = List.of(dimension("ClusterName", managed.cluster()),
                dimension("ServiceName", managed.service()));
        List<Dimension> alb = List.of(dimension("LoadBalancer", managed.loadBalancer()));
        add(queries, meaning, new Query("cpu", "CPUUtilization", null, null), "AWS/ECS", "CPUUtilization", ecs, "Average");
        add(queries, meaning, new Query("memory", "MemoryUtilization", null, null), "AWS/ECS", "MemoryUtilization", ecs,
                "Average");
        add(queries, meaning, new Query("p95", "PipelineExecutionTime", null, "latency"), managed.pipelineNamespace(),
                "PipelineExecutionTime", List.of(), "p95");
        queries.add(stat("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", alb, "Sum", false));
        queries.add(stat("requests", "AWS/ApplicationELB", "RequestCount", alb, "Sum", false));
        queries.add(MetricDataQuery.builder().id("errorRate").expression("100 * FILL(errors, 0) / requests")
                .label("ErrorRate").returnData(true).build());
        meaning.put("errorRate", new Query("errorRate", "ErrorRate", null, "error-rate"));
        for (int i = 0; i < managed.agents().size(); i++) {
            String agent = managed.agents().get(i);
            add(queries, meaning, new Query("agent" + i, "AgentExecutionTime", agent, null),
                    managed.pipelineNamespace(), "AgentExecutionTime", List.of(dimension("Agent", agent)), "Average");
        }
        List<MetricDataResult> results = cloudWatch.get().getMetricData(r -> r.metricDataQueries(queries)
                .startTime(now.minus(WINDOW)).endTime(now).scanBy(ScanBy.TIMESTAMP_DESCENDING)).metricDataResults();
        List<SignalReceived> samples = new ArrayList<>();
        for (MetricDataResult result : results) {
            Query query = meaning.get(result.id());
            if (query == null || result.values().isEmpty()) {
                continue;
            }
            double value = result.values().get(0);
            Map<String, String> labels = new HashMap<>();
            labels.put("periodSeconds", Integer.toString(PERIOD_SECONDS));
            labels.put("agent", query.agent());
            labels.put("sli", query.sli());
            labels.put("pointAt", result.timestamps().isEmpty() ? null : result.timestamps().get(0).toString());
            String subject = query.agent() == null ? managed.service() : managed.service() + "/" + query.agent();
            String title = query.metric() + (query.agent() == null ? "" : " of " + query.agent()) + " of "
                    + managed.service() + ": " + value;
            samples.add(Samples.of(name(), subject, query.metric(), managed.service(), value, false, title, labels, now));
        }
        return samples;
    }

    private static void add(List<MetricDataQuery> queries, Map<String, Query> meaning, Query query, String namespace,
            String metric, List<Dimension> dimensions, String stat) {
        queries.add(stat(query.id(), namespace, metric, dimensions, stat, true));
        meaning.put(query.id(), query);
    }

    private static MetricDataQuery stat(String id, String namespace, String metric, List<Dimension> dimensions,
            String stat, boolean returnData) {
        return MetricDataQuery.builder().id(id).returnData(returnData)
                .metricStat(s -> s.period(PERIOD_SECONDS).stat(stat)
                        .metric(m -> m.namespace(namespace).metricName(metric).dimensions(dimensions)))
                .build();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

}
