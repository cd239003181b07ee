package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds check samples: {@code SignalReceived} with source {@code check}, the labels {@code check}, {@code metric}
 * and {@code service}, the measured value, and a fingerprint per check, subject and metric. Their status is
 * {@code FIRING} when the check itself saw a failure (a probe failed, tasks missing) and {@code RESOLVED}
 * otherwise; the rule table judges their values.
 */
final class Samples {

    static final String SOURCE = "check";

    private Samples() {
    }

    static SignalReceived of(String check, String subject, String metric, String service, double value,
            boolean failing, String title, Map<String, String> labels, Instant at) {
        Map<String, String> all = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        all.put("check", check);
        all.put("metric", metric);
        all.put("service", service);
        return new SignalReceived(UUID.randomUUID().toString(), SOURCE + ":" + check + ":" + subject + ":" + metric,
                SOURCE, null, failing ? SignalStatus.FIRING : SignalStatus.RESOLVED, title, null, all, value, null, at, at);
    }
}
