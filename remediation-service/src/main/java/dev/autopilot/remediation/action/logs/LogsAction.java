package dev.autopilot.remediation.action.logs;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;

/** Amazon CloudWatch Logs: a sample of the log events that match a pattern (the error logs of the last hour). */
@ApplicationScoped
public class LogsAction implements Action {

    /** The longest message kept as evidence. */
    private static final int MAX_MESSAGE = 500;

    private final CloudWatchLogsClient logs;

    @Inject
    public LogsAction(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public String service() {
        return "logs";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("FilterLogEvents", Effect.READ);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"FilterLogEvents".equals(call.operation())) {
            return ActionResult.failed("logs has no operation " + call.operation(), false);
        }
        FilterLogEventsRequest request = FilterLogEventsRequest.builder()
                .logGroupName(call.parameters().string("logGroupName"))
                .filterPattern(call.parameters().string("filterPattern"))
                .startTime(call.parameters().optionalLong("startTime").orElse(null))
                .endTime(call.parameters().optionalLong("endTime").orElse(null))
                .limit(call.parameters().optionalInteger("limit").orElse(null))
                .build();
        return AwsRequests.read(call, request, logs::filterLogEvents, response -> ActionResult.done(
                        response.events().size() + (response.events().size() == 1 ? " log event" : " log events")
                                + " matching " + request.filterPattern())
                .withFacts(Map.of("logEvents", response.events().size()))
                .withEvidence(Map.of("events", response.events().stream().map(e -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("timestamp", e.timestamp() == null ? null : Instant.ofEpochMilli(e.timestamp()).toString());
                    event.put("logStream", e.logStreamName());
                    event.put("message", e.message() == null || e.message().length() <= MAX_MESSAGE ? e.message()
                            : e.message().substring(0, MAX_MESSAGE) + "…");
                    return event;
                }).toList())));
    }
}
