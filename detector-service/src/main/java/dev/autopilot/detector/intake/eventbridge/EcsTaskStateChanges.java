package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.detector.managed.Agents;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ECS Task State Change}: a stopped task whose container of a known agent exited with an error means that
 * agent is failing; a running container of a known agent means it runs again. Tasks of no known agent, and
 * normal stops, mean nothing here.
 */
@ApplicationScoped
public class EcsTaskStateChanges implements EventTranslator {

    static final String EVENT = "agent-task-failed";

    private final Agents agents;
    private final ManagedServiceConfig managed;

    @Inject
    public EcsTaskStateChanges(Agents agents, ManagedServiceConfig managed) {
        this.agents = agents;
        this.managed = managed;
    }

    @Override
    public String detailType() {
        return "ECS Task State Change";
    }

    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonNode detail = event.detail();
        JsonFields detailFields = fields.nested("detail");
        String lastStatus = detailFields.requiredText(detail, "lastStatus");
        JsonNode containers = detailFields.optionalArray(detail, "containers");
        if (containers == null) {
            detailFields.error("containers", "is required");
        }
        if (fields.hasErrors()) {
            return List.of();
        }
        String cluster = Signals.lastSegment(Signals.text(detail, "clusterArn"));
        String group = Signals.text(detail, "group");
        String service = group != null && group.startsWith("service:") ? group.substring("service:".length())
                : managed.service();
        List<SignalReceived> signals = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (JsonNode container : containers) {
            String name = Signals.text(container, "name");
            Optional<String> agent = agents.recognise(name).or(() -> agents.recognise(group));
            if (agent.isEmpty() || seen.containsKey(agent.get())) {
                continue;
            }
            String containerStatus = Signals.text(container, "lastStatus");
            JsonNode exitCode = container.get("exitCode");
            boolean failed = "STOPPED".equals(containerStatus) && exitCode != null && exitCode.asInt(0) != 0;
            boolean running = "RUNNING".equals(containerStatus) && "RUNNING".equals(lastStatus);
            if (!failed && !running) {
                continue;
            }
            seen.put(agent.get(), failed);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("event", EVENT);
            labels.put("agent", agent.get());
            labels.put("service", service);
            labels.put("cluster", cluster);
            labels.put("group", group);
            labels.put("container", name);
            labels.put("taskArn", Signals.text(detail, "taskArn"));
            labels.put("taskDefinition", Signals.lastSegment(Signals.text(detail, "taskDefinitionArn")));
            labels.put("stopCode", Signals.text(detail, "stopCode"));
            labels.put("exitCode", exitCode == null ? null : exitCode.asText());
            String fingerprint = "ecs-agent:" + cluster + ":" + agent.get();
            String title = failed
                    ? "agent " + agent.get() + " failing: container " + name + " exited with " + exitCode.asText()
                    : "agent " + agent.get() + " running";
            signals.add(Signals.of(event, agent.get(), fingerprint, failed ? SignalStatus.FIRING : SignalStatus.RESOLVED,
                    title, Signals.text(detail, "stoppedReason"), labels, null, receivedAt));
        }
        return signals;
    }
}
