package dev.autopilot.contracts;

import static dev.autopilot.contracts.Samples.FINGERPRINT;
import static dev.autopilot.contracts.Samples.SIGNAL;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

class SignalEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.SIGNAL_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        return Stream.of(
                new SignalReceived(SIGNAL, FINGERPRINT, "cloudwatch", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                        SignalStatus.FIRING, "awselb-t-developer-unhealthy",
                        "Threshold Crossed: 1 datapoint [0.0 (26/11/26 05:12:00)] was less than the threshold (1.0).",
                        Map.of("alarmName", "awselb-t-developer-unhealthy", "namespace", "AWS/ApplicationELB",
                                "metricName", "HealthyHostCount", "region", "US East (N. Virginia)",
                                "dimension.LoadBalancer", "app/t-developer-alb/50dc6c495c0c9188"),
                        0.0, 1.0, Instant.parse("2026-11-26T05:12:41.123Z"), Instant.parse("2026-11-26T05:12:41.456Z")));
    }
}
