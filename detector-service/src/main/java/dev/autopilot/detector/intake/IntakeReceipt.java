package dev.autopilot.detector.intake;

import dev.autopilot.contracts.signal.SignalReceived;

/** What the intake answers for each signal it stored durably on Kafka. */
public record IntakeReceipt(String signalId, String fingerprint, String status) {

    public static IntakeReceipt of(SignalReceived signal) {
        return new IntakeReceipt(signal.signalId(), signal.fingerprint(), signal.status().name());
    }
}
