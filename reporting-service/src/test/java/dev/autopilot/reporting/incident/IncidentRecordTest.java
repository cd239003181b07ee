package dev.autopilot.reporting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.reporting.IncidentStory;
import dev.autopilot.reporting.Permutations;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an incident's record folds its events, whatever order they arrive in. */
class IncidentRecordTest {

    private static final Instant T = Instant.parse("2026-11-26T05:12:41.500Z");
    private static final IncidentStory STORY = IncidentStory.of("awselb-t-developer-unhealthy", T);
    private static final Map<String, Event> EVENTS = Map.of(
            "opened", STORY.opened(),
            "planned", STORY.planned(),
            "paged", STORY.paged(),
            "acknowledged", STORY.acknowledged(),
            "resolved", STORY.resolved(),
            "acknowledgedAgain", new IncidentAcknowledged(STORY.incidentId(), "admin", "me too", T.plusSeconds(90)),
            "reopened", new IncidentOpened(STORY.incidentId(), "fp-2", "a later title", null, null, null, Map.of(),
                    "s2", T.plusSeconds(3600)),
            "pageFailed", new NotificationFailed("n2", STORY.incidentId(), "webhook", "CTO", 2, 5, "HTTP 503",
                    T.plusSeconds(600)));

    @ParameterizedTest(name = "{0} -> {1}, known {2}")
    @CsvSource(nullValues = "-", value = {
            "opened,                                OPEN,         true,  -,         -,         0",
            "resolved,                              RESOLVED,     false, -,         detector,  0",
            "resolved opened,                       RESOLVED,     true,  -,         detector,  0",
            "acknowledged opened,                   ACKNOWLEDGED, true,  responder, -,         0",
            "opened resolved acknowledged,          RESOLVED,     true,  responder, detector,  0",
            "acknowledgedAgain acknowledged opened, ACKNOWLEDGED, true,  responder, -,         0",
            "acknowledged acknowledgedAgain opened, ACKNOWLEDGED, true,  responder, -,         0",
            "paged planned,                         OPEN,         false, -,         -,         1",
            "opened paged pageFailed,               OPEN,         true,  -,         -,         1",
    })
    void aLaterStateNeverGoesBackAndTheFirstAcknowledgementCounts(String arrival, IncidentStatus status,
            boolean known, String acknowledgedBy, String resolvedBy, int pagesSent) {
        IncidentRecord record = fold(Arrays.asList(arrival.split(" ")));

        assertThat(record.status()).isEqualTo(status);
        assertThat(record.isKnown()).isEqualTo(known);
        assertThat(record.acknowledgedBy()).isEqualTo(acknowledgedBy);
        assertThat(record.resolvedBy()).isEqualTo(resolvedBy);
        assertThat(record.notificationsSent()).isEqualTo(pagesSent);
    }

    @Test
    void everyArrivalOrderGivesTheSameRecord() {
        List<String> happened = List.of("opened", "planned", "paged", "acknowledged", "resolved");
        IncidentView expected = IncidentView.from(fold(happened));

        assertThat(Permutations.of(happened)).hasSize(120)
                .allSatisfy(order -> assertThat(IncidentView.from(fold(order))).isEqualTo(expected));
        assertThat(expected.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(expected.title()).isEqualTo("awselb-t-developer-unhealthy");
        assertThat(expected.openedAt()).isEqualTo(T);
        assertThat(expected.acknowledgedAt()).isEqualTo(T.plusSeconds(62));
        assertThat(expected.acknowledgeNote()).isEqualTo("looking at the ALB targets");
        assertThat(expected.resolvedAt()).isEqualTo(STORY.resolved().resolvedAt());
        assertThat(expected.remediation()).isEqualTo(new RemediationProgress(STORY.planned().remediationId(),
                RemediationStatus.PLANNED, "outage", ExecutionMode.DRY_RUN, 2, T.plusMillis(100)));
        assertThat(expected.notifications()).isEqualTo(new IncidentView.Notifications(1, 0, 0, T.plusMillis(200), 0,
                List.of("DevOps Lead")));
        assertThat(expected.lastEventAt()).isEqualTo(STORY.resolved().resolvedAt());
    }

    @Test
    void theFirstOpeningKeepsItsFacts() {
        IncidentRecord record = fold(List.of("reopened", "opened"));

        assertThat(record.title()).isEqualTo("awselb-t-developer-unhealthy");
        assertThat(record.openedAt()).isEqualTo(T);
        assertThat(fold(List.of("opened", "reopened")).title()).isEqualTo("awselb-t-developer-unhealthy");
    }

    private static IncidentRecord fold(List<String> arrival) {
        IncidentRecord record = IncidentRecord.heardOf(STORY.incidentId());
        for (String name : arrival) {
            Event event = EVENTS.get(name);
            record.apply(event, event.occurredAt(), Instant.EPOCH);
        }
        return record;
    }
}
