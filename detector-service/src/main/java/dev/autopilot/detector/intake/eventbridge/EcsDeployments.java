package dev.autopilot.detector.intake.eventbridge;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ECS Deployment State Change}: a failed deployment or a rollback fires; a completed deployment clears. */
@ApplicationScoped
public class EcsDeployments implements EventTranslator {

    @Override
    public String detailType() {
        return "ECS Deployment State Change";
    }

    /** {@code ECS Deployment State Change}: failed and rolling back fire, completed clears. */
    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonFields detailFields = fields.nested("detail");
        String eventName = detailFields.requiredText(event.detail(), "eventName");
        if (eventName == null) {
            return List.of();
        }
        String reason = Signals.text(event.detail(), "reason");
        boolean rollback = reason != null && reason.toLowerCase(Locale.ROOT).contains("rollback");
        String kind;
        SignalStatus status;
        switch (eventName) {
            case "SERVICE_DEPLOYMENT_FAILED" -> {
                kind = "deployment-failed";
                status = SignalStatus.FIRING;
            }
            case "SERVICE_DEPLOYMENT_IN_PROGRESS" -> {
                if (!rollback) {
                    return List.of();
                }
                kind = "deployment-rollback";
                status = SignalStatus.FIRING;
            }
            case "SERVICE_DEPLOYMENT_COMPLETED" -> {
                kind = "deployment-completed";
                status = SignalStatus.RESOLVED;
            }
            default -> {
                return List.of();
            }
        }
        String service = Signals.serviceOfResource(event);
        Map<String, String> labels = Signals.ecsLabels(event, service, kind, eventName);
        labels.put("deploymentId", Signals.text(event.detail(), "deploymentId"));
        String title = "deployment of " + service + " " + switch (kind) {
            case "deployment-failed" -> "failed";
            case "deployment-rollback" -> "rolling back";
            default -> "completed";
        };
        return List.of(Signals.of(event, "deployment", "ecs-deployment:" + service, status, title, reason, labels,
                null, receivedAt));
    }
}
