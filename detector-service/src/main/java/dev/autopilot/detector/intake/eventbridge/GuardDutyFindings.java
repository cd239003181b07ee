package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GuardDuty Finding}: every finding is a security signal; the rule table makes S3 exfiltration findings a
 * data loss. A finding does not clear by itself: people resolve its incident.
 */
@ApplicationScoped
public class GuardDutyFindings implements EventTranslator {

    @Override
    public String detailType() {
        return "GuardDuty Finding";
    }

    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonNode detail = event.detail();
        JsonFields detailFields = fields.nested("detail");
        String type = detailFields.requiredText(detail, "type");
        String id = detailFields.requiredText(detail, "id");
        if (type == null || id == null) {
            return List.of();
        }
        JsonNode resource = detail.path("resource");
        String resourceType = Signals.text(resource, "resourceType");
        String bucket = null;
        JsonNode buckets = resource.path("s3BucketDetails");
        if (buckets.isArray() && !buckets.isEmpty()) {
            bucket = Signals.text(buckets.get(0), "name");
        }
        String instance = Signals.text(resource.path("instanceDetails"), "instanceId");
        String subject = bucket != null ? bucket : instance != null ? instance : resourceType;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("event", "guardduty-finding");
        labels.put("findingType", type);
        labels.put("findingId", id);
        labels.put("guarddutySeverity", Signals.text(detail, "severity"));
        labels.put("resourceType", resourceType);
        labels.put("bucket", bucket);
        labels.put("instanceId", instance);
        String title = Signals.text(detail, "title");
        return List.of(Signals.of(event, "finding", "guardduty:" + type + ":" + subject, SignalStatus.FIRING,
                title != null ? title : "GuardDuty: " + type, Signals.text(detail, "description"), labels,
                detail.path("severity").isNumber() ? detail.get("severity").asDouble() : null, receivedAt));
    }
}
