package dev.autopilot.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files under {@code golden/v1} were written by the first version of each event. Every later version
 * of the contracts must still read them to the same values: change a contract only by adding.
 */
class GoldenEventsTest {

    private static final String INCIDENT = "0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77";
    private static final String REMEDIATION = "8e2d3b0a-51a4-4c62-8b1b-6f0c2b9c1d33";
    private static final String NOTIFICATION = "c41f0a8e-2b7d-4e19-9d3c-0b5a6e7f8a90";
    private static final String SIGNAL = "5f0c6c1e-9a43-3c59-a0f4-1f3e1d2b7a10";
    private static final String FINGERPRINT =
            "cloudwatch:awselb-t-developer-unhealthy:LoadBalancer=app/t-developer-alb/50dc6c495c0c9188";

    /** What each golden file must decode to. */
    static Stream<Event> goldenEvents() {
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("cluster", "t-developer-cluster-production");
        describe.put("services", List.of("t-developer-service-production"));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("cluster", "t-developer-cluster-production");
        update.put("service", "t-developer-service-production");
        update.put("taskDefinition", "t-developer:N-1");
        return Stream.of(
                new SignalReceived(SIGNAL, FINGERPRINT, "cloudwatch", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                        SignalStatus.FIRING, "awselb-t-developer-unhealthy",
                        "Threshold Crossed: 1 datapoint [0.0 (26/11/26 05:12:00)] was less than the threshold (1.0).",
                        Map.of("alarmName", "awselb-t-developer-unhealthy", "namespace", "AWS/ApplicationELB",
                                "metricName", "HealthyHostCount", "region", "US East (N. Virginia)",
                                "dimension.LoadBalancer", "app/t-developer-alb/50dc6c495c0c9188"),
                        0.0, 1.0, Instant.parse("2026-11-26T05:12:41.123Z"), Instant.parse("2026-11-26T05:12:41.456Z")),
                new IncidentOpened(INCIDENT, FINGERPRINT, "awselb-t-developer-unhealthy", Severity.P0, "outage",
                        "t-developer-service-production",
                        Map.of("alarmName", "awselb-t-developer-unhealthy", "namespace", "AWS/ApplicationELB",
                                "metricName", "HealthyHostCount"),
                        SIGNAL, Instant.parse("2026-11-26T05:12:41.500Z")),
                new IncidentAcknowledged(INCIDENT, "responder", "looking at the ALB targets",
                        Instant.parse("2026-11-26T05:14:02Z")),
                new IncidentResolved(INCIDENT, "detector", "all signals cleared", Instant.parse("2026-11-26T05:31:17Z")),
                new RemediationPlanned(REMEDIATION, INCIDENT, "outage", ExecutionMode.DRY_RUN, List.of(
                        new PlannedStep(1, "Check the ECS service", "ecs", "DescribeServices", describe, false),
                        new PlannedStep(2, "Roll back to the previous task definition", "ecs", "UpdateService", update,
                                true)),
                        Instant.parse("2026-11-26T05:12:41.600Z")),
                new RemediationSucceeded(REMEDIATION, INCIDENT, "rolled back to t-developer:41; service stable",
                        Instant.parse("2026-11-26T05:16:00Z")),
                new RemediationFailed(REMEDIATION, INCIDENT, "service not stable within 10 minutes",
                        Instant.parse("2026-11-26T05:26:00Z")),
                new NotificationSent(NOTIFICATION, INCIDENT, "webhook", "DevOps Lead", 1, 1,
                        Instant.parse("2026-11-26T05:12:41.700Z")),
                new NotificationFailed(NOTIFICATION, INCIDENT, "webhook", "DevOps Lead", 1, 5,
                        "HTTP 503 from the webhook after 5 attempts", Instant.parse("2026-11-26T05:20:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void goldenFileStillDecodesToTheSameValues(Event expected) {
        byte[] golden = golden(Event.typeOf(expected));

        Event decoded = EventCodec.decode(golden, expected.getClass());

        assertThat(decoded).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void encodingWritesWhatTheGoldenFileHolds(Event expected) throws IOException {
        JsonNode written = EventCodec.mapper().readTree(EventCodec.encode(expected));
        JsonNode golden = EventCodec.mapper().readTree(golden(Event.typeOf(expected)));

        assertThat(written).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void unknownFieldsFromNewerProducersAreIgnored(Event expected) throws IOException {
        ObjectNode newer = (ObjectNode) EventCodec.mapper().readTree(golden(Event.typeOf(expected)));
        newer.put("fieldAddedLater", "whatever");
        newer.putObject("nestedAddedLater").put("x", 1);

        Event decoded = EventCodec.decode(EventCodec.mapper().writeValueAsBytes(newer), expected.getClass());

        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void everyEventTypeOfEveryStreamHasAGoldenFile() {
        List<String> covered = goldenEvents().map(Event::typeOf).toList();
        for (EventStream<?> stream : Topics.STREAMS) {
            assertThat(covered).as("golden events of %s", stream).containsAll(stream.typeNames());
        }
    }

    @Test
    void unknownEnumValuesDecodeAsUnknown() {
        String json = new String(golden("IncidentOpened"), StandardCharsets.UTF_8).replace("\"P0\"", "\"P9\"");

        IncidentOpened decoded = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), IncidentOpened.class);

        assertThat(decoded.severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void brokenJsonIsUndecodable() {
        byte[] truncated = "{\"incidentId\": \"x\", \"openedAt\": ".getBytes(StandardCharsets.UTF_8);
        byte[] wrongType = "{\"incidentId\": \"x\", \"openedAt\": {\"not\": \"a time\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decode(truncated, IncidentOpened.class))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(wrongType, IncidentOpened.class))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("null".getBytes(StandardCharsets.UTF_8), IncidentOpened.class))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(null, IncidentOpened.class))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void streamsKnowTheirTypesByName() {
        EventStream<IncidentEvent> incidents = Topics.INCIDENT_EVENTS;

        assertThat(incidents.topic()).isEqualTo(Topics.INCIDENTS);
        assertThat(incidents.typeNamed("IncidentOpened")).hasValue(IncidentOpened.class);
        assertThat(incidents.typeNamed("IncidentTeleported")).isEmpty();
    }

    @Test
    void everyConsumedTopicHasADeadLetterTopicPerConsumer() {
        assertThat(Topics.all()).contains(
                "signals.v1", "incidents.v1", "remediations.v1", "notifications.v1",
                "signals.v1.dlq.detector", "incidents.v1.dlq.remediation", "incidents.v1.dlq.notification",
                "incidents.v1.dlq.reporting", "remediations.v1.dlq.reporting", "notifications.v1.dlq.reporting");
    }

    private static byte[] golden(String type) {
        String path = "/golden/v1/" + type + ".json";
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as("golden file %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
