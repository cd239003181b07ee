package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One of the detector's own checks: run now, it measures and says what it saw as signals (samples). */
public interface Check {

    /** Its name, also its schedule's key and its samples' {@code check} label: {@code ecs-service}, ... */
    String name();

    boolean enabled();

    Duration interval();

    /** Measures; throws when the thing measured cannot be reached (the run is recorded as failed). */
    List<SignalReceived> run(Instant now);
}
