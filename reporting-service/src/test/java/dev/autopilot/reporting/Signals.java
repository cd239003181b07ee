package dev.autopilot.reporting;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Signals as the detector's intake puts them on {@code signals.v1}: a CloudWatch healthy-host alarm. */
public final class Signals {

    private Signals() {
    }

    /** A signal with a fresh id, observed at 2026-11-26T05:12:41.123Z against a threshold of 1. */
    public static SignalReceived of(String fingerprint, SignalStatus status, double value) {
        return new SignalReceived(UUID.randomUUID().toString(), fingerprint, "cloudwatch", null, status,
                "healthy-hosts", null, Map.of("metricName", "HealthyHostCount"), value, 1.0,
                Instant.parse("2026-11-26T05:12:41.123Z"), Instant.parse("2026-11-26T05:12:41.456Z"));
    }
}
