package dev.autopilot.detector.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default rule table of application.properties, line by line. */
class ClassifierTest {

    private final Classifier classifier = new Classifier(List.of(
            new Classifier.Rule("outage",
                    Pattern.compile("(?i).*(unhealthy|healthy-?host|no-healthy|outage|service-down|running-?count).*"),
                    Severity.P0, "outage"),
            new Classifier.Rule("degradation",
                    Pattern.compile("(?i).*(5xx|error-?rate|latency|response-?time|slow|execution-?time).*"),
                    Severity.P1, "degradation"),
            new Classifier.Rule("agent-failure", Pattern.compile("(?i).*agent.*"), Severity.P2, "agent-failure")));

    @ParameterizedTest(name = "{0} [{1},{2}] -> {3} {4} by {5}")
    @CsvSource(nullValues = "-", value = {
            "awselb-t-developer-unhealthy,   -,  -,           P0, outage,        outage",
            "t-developer-HealthyHostCount-0, -,  -,           P0, outage,        outage",
            "ecs-running-count-zero,         -,  -,           P0, outage,        outage",
            "alb-5xx-high,                   -,  -,           P1, degradation,   degradation",
            "pipeline-execution-time-p95,    -,  -,           P1, degradation,   degradation",
            "TargetResponseTime-slow,        -,  -,           P1, degradation,   degradation",
            "parser-agent-failing,           -,  -,           P2, agent-failure, agent-failure",
            "EXAMPLE,                        -,  -,           P2, unclassified,  default",
            "disk-almost-full,               P1, -,           P1, unclassified,  default",
            "disk-almost-full,               P3, maintenance, P3, maintenance,   labels",
            "alb-5xx-high,                   P0, -,           P0, degradation,   degradation",
            "alb-5xx-high,                   P9, -,           P1, degradation,   degradation",
            "unhealthy-but-typed,            -,  security,    P0, security,      outage",
    })
    void classifiesByTheFirstMatchingRule(String title, String severityLabel, String typeLabel, Severity severity,
            String type, String rule) {
        Map<String, String> labels = new HashMap<>();
        if (severityLabel != null) {
            labels.put("severity", severityLabel);
        }
        if (typeLabel != null) {
            labels.put("type", typeLabel);
        }
        SignalReceived signal = new SignalReceived("id", "fp", "test", null, SignalStatus.FIRING, title, null, labels,
                null, null, Instant.EPOCH, Instant.EPOCH);

        assertThat(classifier.classify(signal)).isEqualTo(new Classifier.Classification(severity, type, rule));
    }
}
