package dev.autopilot.detector.intake.eventbridge;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code ECS Service Action}: tasks that cannot be placed or started fire; a steady state clears them. */
@ApplicationScoped
public class EcsServiceActions implements EventTranslator {

    @Override
    public String detailType() {
        return "ECS Service Action";
    }

    /** {@code ECS Service Action}: placement failures fire, a steady state clears them; other actions mean nothing. */
    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonFields detailFields = fields.nested("detail");
        String eventName = detailFields.requiredText(event.detail(), "eventName");
        if (eventName == null) {
            return List.of();
        }
        SignalStatus status;
        switch (eventName) {
            case "SERVICE_TASK_PLACEMENT_FAILURE", "SERVICE_TASK_START_IMPAIRED", "SERVICE_TASK_CONFIGURATION_FAILURE" ->
                    status = SignalStatus.FIRING;
            case "SERVICE_STEADY_STATE" -> status = SignalStatus.RESOLVED;
            default -> {
                return List.of();
            }
        }
        String service = Signals.serviceOfResource(event);
        Map<String, String> labels = Signals.ecsLabels(event, service, "task-placement-failure", eventName);
        labels.put("cluster", Signals.lastSegment(Signals.text(event.detail(), "clusterArn")));
        String title = status == SignalStatus.FIRING ? "tasks of " + service + " cannot start: " + eventName
                : service + " reached a steady state";
        return List.of(Signals.of(event, "placement", "ecs-placement:" + service, status, title,
                Signals.text(event.detail(), "reason"), labels, null, receivedAt));
    }
}
