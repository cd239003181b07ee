package dev.autopilot.contracts.signal;

import java.time.Instant;
import java.util.Map;

/**
 * An alarm, alert or check result taken in by the detector and durable on Kafka.
 *
 * @param signalId        unique id; derived from the source and its message id, so a redelivered message has the same id
 * @param fingerprint     what identifies the condition across repeats (e.g. CloudWatch alarm name + dimensions)
 * @param source          where it came from: {@code cloudwatch}, {@code eventbridge}, {@code prometheus},
 *                        {@code alertmanager}, {@code generic}, {@code check}
 * @param sourceMessageId the source's own id of the message (the SNS {@code MessageId}), when it has one
 * @param status          firing, resolved or insufficient data
 * @param title           a one-line description (the alarm name)
 * @param description     the source's explanation (the alarm's state reason), when it has one
 * @param labels          the source's attributes (for CloudWatch: {@code alarmName}, {@code namespace},
 *                        {@code metricName}, {@code region}, {@code dimension.<Name>})
 * @param value           the observed value, when the source reports one
 * @param threshold       the threshold the value was compared with, when the source reports one
 * @param observedAt      when the source observed the condition
 * @param receivedAt      when the detector took it in
 */
public record SignalReceived(
        String signalId,
        String fingerprint,
        String source,
        String sourceMessageId,
        SignalStatus status,
        String title,
        String description,
        Map<String, String> labels,
        Double value,
        Double threshold,
        Instant observedAt,
        Instant receivedAt) implements SignalEvent {

    public SignalReceived {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public Instant occurredAt() {
        return observedAt;
    }
}
