package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.Agents;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import dev.autopilot.support.aws.AwsClients;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * CloudWatch Logs {@code FilterLogEvents} on the service's log group over the last interval, as the runbook reads
 * its logs: {@code ERROR} lines (a burst), {@code authentication failed} and {@code rate_limit_exceeded} (security),
 * and {@code execution_time} lines over the slow threshold, per agent. Each count is a sample.
 */
@Singleton // not a client proxy: it extends ConfiguredCheck, which has no no-args constructor
public class LogsCheck extends ConfiguredCheck {

    private final ChecksConfig.Logs config;
    private final ManagedServiceConfig managed;
    private final Agents agents;
    private final Pattern executionTime;
    private final Supplier<CloudWatchLogsClient> logs;

    @Inject
    public LogsCheck(ChecksConfig checks, ManagedServiceConfig managed, Agents agents, AwsClients aws) {
        super(checks.logs());
        this.config = checks.logs();
        this.managed = managed;
        this.agents = agents;
        this.logs = aws.lazily(CloudWatchLogsClient::builder);
        this.executionTime = Pattern.compile(config.executionTimePattern());
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<SignalReceived> run(Instant now) {
        Instant from = now.minus(config.interval());
        Map<String, String> window = Map.of("logGroup", managed.logGroup(), "windowSeconds",
                Long.toString(config.interval().toSeconds()));
        List<SignalReceived> samples = new ArrayList<>();
        samples.add(count("errorCount", "ERROR", from, now, window));
        samples.add(count("authFailures", "\"authentication failed\"", from, now, window));
        samples.add(count("rateLimitHits", "rate_limit_exceeded", from, now, window));
        Map<String, Integer> slow = new LinkedHashMap<>();
        agents.names().forEach(agent -> slow.put(agent, 0));
        for (FilteredLogEvent event : events("execution_time", from, now)) {
            Matcher line = executionTime.matcher(event.message());
            if (line.find() && Double.parseDouble(line.group("seconds")) > config.slowSeconds()) {
                agents.recognise(line.group("agent")).ifPresent(agent -> slow.merge(agent, 1, Integer::sum));
            }
        }
        slow.forEach((agent, lines) -> {
            Map<String, String> labels = new LinkedHashMap<>(window);
            labels.put("agent", agent);
            samples.add(Samples.of(name(), managed.logGroup() + "/" + agent, "slowExecutions", managed.service(),
                    lines, false, agent + ": " + lines + " executions over " + config.slowSeconds() + " s", labels,
                    now));
        });
        return samples;
    }

    private SignalReceived count(String metric, String filter, Instant from, Instant to, Map<String, String> labels) {
        int lines = events(filter, from, to).size();
        return Samples.of(name(), managed.logGroup(), metric, managed.service(), lines, false,
                managed.logGroup() + ": " + lines + " " + filter + " lines", labels, to);
    }

    private List<FilteredLogEvent> events(String filter, Instant from, Instant to) {
        List<FilteredLogEvent> events = new ArrayList<>();
        String next = null;
        for (int page = 0; page < config.maxPages(); page++) {
            String token = next;
            FilterLogEventsResponse answer = logs.get().filterLogEvents(r -> r.logGroupName(managed.logGroup())
                    .startTime(from.toEpochMilli()).endTime(to.toEpochMilli()).filterPattern(filter).nextToken(token));
            events.addAll(answer.events());
            next = answer.nextToken();
            if (next == null) {
                break;
            }
        }
        return events;
    }

}
