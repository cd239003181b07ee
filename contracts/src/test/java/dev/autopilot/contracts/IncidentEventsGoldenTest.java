package dev.autopilot.contracts;

import static dev.autopilot.contracts.Samples.FINGERPRINT;
import static dev.autopilot.contracts.Samples.INCIDENT;
import static dev.autopilot.contracts.Samples.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IncidentEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.INCIDENT_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        return Stream.of(
                new IncidentOpened(INCIDENT, FINGERPRINT, "awselb-t-developer-unhealthy", Severity.P0, "outage",
                        "t-developer-service-production",
                        Map.of("alarmName", "awselb-t-developer-unhealthy", "namespace", "AWS/ApplicationELB",
                                "metricName", "HealthyHostCount"),
                        SIGNAL, Instant.parse("2026-11-26T05:12:41.500Z")),
                new IncidentAcknowledged(INCIDENT, "responder", "looking at the ALB targets",
                        Instant.parse("2026-11-26T05:14:02Z")),
                new IncidentResolved(INCIDENT, "detector", "all signals cleared", Instant.parse("2026-11-26T05:31:17Z")),
                new IncidentEscalated(INCIDENT, Severity.P1, Severity.P0, "outage",
                        "running count 0 joined the incident", "7d1c0b9a-2f3e-4a5b-8c6d-9e0f1a2b3c4d",
                        Instant.parse("2026-11-26T05:13:10Z")),
                new IncidentReopened(INCIDENT, "awselb-t-developer-unhealthy fired again within the reopen window",
                        "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", Instant.parse("2026-11-26T05:40:00Z")));
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
    void theStreamKnowsItsTypesByName() {
        EventStream<IncidentEvent> incidents = Topics.INCIDENT_EVENTS;

        assertThat(incidents.topic()).isEqualTo(Topics.INCIDENTS);
        assertThat(incidents.typeNamed("IncidentOpened")).hasValue(IncidentOpened.class);
        assertThat(incidents.typeNamed("IncidentTeleported")).isEmpty();
    }
}
