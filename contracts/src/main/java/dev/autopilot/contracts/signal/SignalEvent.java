package dev.autopilot.contracts.signal;

import dev.autopilot.contracts.Event;

/** Events on {@code signals.v1}, keyed by the signal's fingerprint. Produced by the detector's intake. */
public sealed interface SignalEvent extends Event permits SignalReceived {

    String fingerprint();

    @Override
    default String subject() {
        return fingerprint();
    }
}
