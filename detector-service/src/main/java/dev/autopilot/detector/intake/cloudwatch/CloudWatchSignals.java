package dev.autopilot.detector.intake.cloudwatch;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.Agents;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Turns a CloudWatch alarm state change, however it arrived (SNS, EventBridge), into a signal. */
@ApplicationScoped
public class CloudWatchSignals {

    public static final String SOURCE = "cloudwatch";

    private final Agents agents;
    private final ManagedServiceConfig managed;

    @Inject
    public CloudWatchSignals(Agents agents, ManagedServiceConfig managed) {
        this.agents = agents;
        this.managed = managed;
    }

    /**
     * @param deliveryKey what identifies this delivery at its source ({@code sns:<MessageId>},
     *                    {@code eventbridge:<id>}): the signal id derives from it, so a redelivery is the same signal
     */
    public SignalReceived toSignal(CloudWatchAlarm alarm, String deliveryKey, String sourceMessageId,
            Map<String, String> extraLabels, Instant receivedAt) {
        String signalId = UUID.nameUUIDFromBytes(deliveryKey.getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, String> labels = new TreeMap<>(alarm.labels());
        labels.putAll(extraLabels);
        agentOf(alarm).ifPresent(agent -> labels.put("agent", agent));
        labels.put("service", serviceOf(alarm));
        return new SignalReceived(signalId, alarm.fingerprint(), SOURCE, sourceMessageId, alarm.newState(),
                alarm.alarmName(), alarm.reason(), labels, null, alarm.threshold(), alarm.stateChangeTime(), receivedAt);
    }

    /**
     * The service an alarm is about, so it correlates with that service's other signals: its ECS
     * {@code ServiceName}; for the managed load balancer, target group or pipeline namespace, the managed service;
     * for another load balancer, that load balancer; otherwise the managed service.
     */
    String serviceOf(CloudWatchAlarm alarm) {
        Map<String, String> dimensions = alarm.dimensions();
        if (dimensions.containsKey("ServiceName")) {
            return dimensions.get("ServiceName");
        }
        String loadBalancer = dimensions.get("LoadBalancer");
        if (loadBalancer != null && !loadBalancer.equals(managed.loadBalancer())) {
            String targetGroup = dimensions.get("TargetGroup");
            boolean managedTargetGroup = targetGroup != null && managed.targetGroupArn().endsWith(targetGroup);
            return managedTargetGroup ? managed.service() : loadBalancer;
        }
        return managed.service();
    }

    /** The agent an alarm is about: its {@code Agent} or {@code AgentName} dimension, when it names a known agent. */
    private Optional<String> agentOf(CloudWatchAlarm alarm) {
        String dimension = alarm.dimensions().getOrDefault("Agent", alarm.dimensions().get("AgentName"));
        return agents.recognise(dimension);
    }
}
