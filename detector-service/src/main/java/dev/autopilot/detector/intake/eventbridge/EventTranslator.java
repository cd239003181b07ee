package dev.autopilot.detector.intake.eventbridge;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.intake.JsonFields;
import java.time.Instant;
import java.util.List;

/** Turns the events of one EventBridge {@code detail-type} into signals (none when the event means nothing). */
public interface EventTranslator {

    String SOURCE = "eventbridge";

    /** The {@code detail-type} this translator takes, e.g. {@code ECS Task State Change}. */
    String detailType();

    /** The signals an event means; problems with its detail go into {@code fields} (prefixed with its position). */
    List<SignalReceived> translate(EventBridgeEvent event, JsonFields fields, Instant receivedAt);
}
