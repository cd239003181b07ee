package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;

/** A signal that changed something about an incident, and what it changed. */
public record SignalView(
        String signalId,
        String incidentId,
        String fingerprint,
        String source,
        String title,
        SignalStatus status,
        IncidentSignal.Effect effect,
        Severity severity,
        String rule,
        Double value,
        Instant observedAt,
        Instant receivedAt) {

    public static SignalView from(IncidentSignal signal) {
        return new SignalView(signal.signalId(), signal.incidentId().toString(), signal.fingerprint(),
                signal.source(), signal.title(), signal.status(), signal.effect(), signal.severity(), signal.rule(),
                signal.value(), signal.observedAt(), signal.receivedAt());
    }
}
