package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.detection.Glob;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS API Call via CloudTrail} on EC2 security groups: a change to a group whose name matches the managed
 * service's patterns ({@code *t-developer*}) is a security signal. CloudTrail names a group by id; its name comes
 * from EC2. A group EC2 cannot name is reported too (labelled {@code groupName=unknown}): a change nobody can
 * place is worth a look. Other API calls, and changes to other groups, mean nothing here.
 */
@ApplicationScoped
public class SecurityGroupChanges implements EventTranslator {

    static final Set<String> CHANGES = Set.of("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "ModifySecurityGroupRules",
            "UpdateSecurityGroupRuleDescriptionsIngress", "UpdateSecurityGroupRuleDescriptionsEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup");
    static final String UNKNOWN = "unknown";

    private final SecurityGroupNames names;
    private final List<Glob> patterns;

    @Inject
    public SecurityGroupChanges(SecurityGroupNames names, ManagedServiceConfig managed) {
        this.names = names;
        this.patterns = managed.securityGroupPatterns().stream().map(Glob::of).toList();
    }

    @Override
    public String detailType() {
        return "AWS API Call via CloudTrail";
    }

    @Override
    public List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt) {
        JsonNode detail = event.detail();
        String eventName = fields.nested("detail").requiredText(detail, "eventName");
        if (eventName == null || !CHANGES.contains(eventName)) {
            return List.of();
        }
        JsonNode request = detail.path("requestParameters");
        String groupId = Signals.text(request, "groupId");
        String groupName = Signals.text(request, "groupName");
        if (groupName == null && groupId != null) {
            groupName = names.nameOf(groupId).orElse(UNKNOWN);
        }
        if (groupName == null) {
            groupName = UNKNOWN;
        }
        final String name = groupName;
        if (!UNKNOWN.equals(name) && patterns.stream().noneMatch(p -> p.matches(name))) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("event", "security-group-change");
        labels.put("eventName", eventName);
        labels.put("groupId", groupId);
        labels.put("groupName", name);
        labels.put("user", Signals.text(detail.path("userIdentity"), "arn"));
        labels.put("sourceIp", Signals.text(detail, "sourceIPAddress"));
        labels.put("openedTo", String.join(",", openedRanges(request)));
        String title = eventName + " on security group " + name + (groupId == null ? "" : " (" + groupId + ")");
        return List.of(Signals.of(event, "security-group", "security-group:" + (groupId != null ? groupId : name),
                SignalStatus.FIRING, title, "by " + labels.get("user") + " from " + labels.get("sourceIp"), labels,
                null, receivedAt));
    }

    /** The address ranges the change opens the group to ({@code 0.0.0.0/0}, {@code ::/0}, ...). */
    private static List<String> openedRanges(JsonNode request) {
        List<String> ranges = new ArrayList<>();
        for (JsonNode permission : request.path("ipPermissions").path("items")) {
            permission.path("ipRanges").path("items").forEach(r -> ranges.add(r.path("cidrIp").asText()));
            permission.path("ipv6Ranges").path("items").forEach(r -> ranges.add(r.path("cidrIpv6").asText()));
        }
        return ranges;
    }
}
