package dev.autopilot.detector.intake;

import dev.autopilot.contracts.signal.SignalReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Turns a CloudWatch alarm delivered by SNS into a signal. */
final class SnsAlarms {

    static final String SOURCE = "cloudwatch";

    private SnsAlarms() {
    }

    /** The signal id is derived from SNS's message id, so a redelivered message is the same signal. */
    static SignalReceived toSignal(SnsEnvelope envelope, CloudWatchAlarm alarm, Instant receivedAt) {
        String signalId = UUID.nameUUIDFromBytes(("sns:" + envelope.messageId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, String> labels = new TreeMap<>(alarm.labels());
        labels.put("topicArn", envelope.topicArn());
        return new SignalReceived(signalId, alarm.fingerprint(), SOURCE, envelope.messageId(), alarm.newState(),
                alarm.alarmName(), alarm.reason(), labels, null, alarm.threshold(), alarm.stateChangeTime(), receivedAt);
    }
}
