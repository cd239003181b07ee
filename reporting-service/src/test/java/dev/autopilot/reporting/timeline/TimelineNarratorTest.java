package dev.autopilot.reporting.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.reporting.IncidentStory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineNarratorTest {

    private static final Instant T = Instant.parse("2026-11-26T05:12:41.500Z");
    private static final String LONG = "x".repeat(200);

    static Stream<Arguments> summaries() {
        IncidentStory story = IncidentStory.of("awselb-t-developer-unhealthy", T);
        return Stream.of(
                Arguments.of(story.opened(), "P0 outage opened: awselb-t-developer-unhealthy"),
                Arguments.of(opened(null, null, "disk-full"), "Incident opened: disk-full"),
                Arguments.of(opened(Severity.UNKNOWN, "security", null), "Security opened: (untitled)"),
                Arguments.of(opened(Severity.P1, "degradation", "alb-5xx\n  high"), "P1 degradation opened: alb-5xx high"),
                Arguments.of(opened(Severity.P2, "agent-failure", LONG),
                        "P2 agent-failure opened: " + "x".repeat(159) + "…"),
                Arguments.of(story.planned(), "Dry-run plan 'outage' with 2 steps, 1 awaiting approval"),
                Arguments.of(planned(ExecutionMode.LIVE, "degradation", 1), "Live plan 'degradation' with 1 step"),
                Arguments.of(planned(ExecutionMode.UNKNOWN, null, 0), "Plan 'unnamed' with 0 steps"),
                Arguments.of(story.paged(), "Paged DevOps Lead via webhook (step 1)"),
                Arguments.of(new NotificationSent("n", "i", "slack", "Backend Developer", 2, 3, T),
                        "Paged Backend Developer via slack (step 2, 3 attempts)"),
                Arguments.of(new NotificationFailed("n", "i", "webhook", "DevOps Lead", 1, 5,
                        "HTTP 503 from the webhook after 5 attempts", T),
                        "Could not page DevOps Lead via webhook (step 1, 5 attempts): HTTP 503 from the webhook after 5 attempts"),
                Arguments.of(new NotificationFailed("n", "i", null, null, 1, 1, null, T),
                        "Could not page someone via an unknown channel (step 1)"),
                Arguments.of(story.acknowledged(), "Acknowledged by responder: looking at the ALB targets"),
                Arguments.of(new IncidentAcknowledged("i", "admin", " ", T), "Acknowledged by admin"),
                Arguments.of(story.resolved(), "Resolved by detector: all signals cleared"),
                Arguments.of(new IncidentResolved("i", null, null, T), "Resolved by someone"),
                Arguments.of(new RemediationSucceeded("r", "i", "rolled back to t-developer:41; service stable", T),
                        "Remediation succeeded: rolled back to t-developer:41; service stable"),
                Arguments.of(new RemediationSucceeded("r", "i", null, T), "Remediation succeeded"),
                Arguments.of(new RemediationFailed("r", "i", "service not stable within 10 minutes", T),
                        "Remediation failed: service not stable within 10 minutes"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("summaries")
    void summarisesEachEventInOneSentence(Event event, String summary) {
        assertThat(TimelineNarrator.summaryOf(event)).isEqualTo(summary);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "/autopilot/detector,          detector",
            "/autopilot/remediation,       remediation",
            "/autopilot/notification/,     notification",
            "/autopilot/notification/eu-1, notification",
            "' /autopilot/reporting ',     reporting",
            "urn:partner:pager,            urn:partner:pager",
            "/autopilot/,                  unknown",
            "'',                           unknown",
            "-,                            unknown",
    })
    void namesTheServiceFromTheCloudEventsSource(String source, String service) {
        assertThat(TimelineNarrator.serviceOf(source)).isEqualTo(service);
    }

    @Test
    void eventsOfOneInstantFollowTheLifeOfAnIncident() {
        IncidentStory story = IncidentStory.of("same instant", T);
        List<Event> lifeOrder = List.of(story.opened(), story.planned(), story.paged(), story.acknowledged(),
                new RemediationSucceeded("r", story.incidentId(), "done", T), story.resolved());

        List<Event> arrival = new ArrayList<>(lifeOrder);
        Collections.reverse(arrival);
        List<Event> sorted = arrival.stream()
                .sorted(Comparator.comparingInt(TimelineNarrator::phaseOf))
                .toList();

        assertThat(sorted).containsExactlyElementsOf(lifeOrder);
    }

    private static IncidentOpened opened(Severity severity, String type, String title) {
        return new IncidentOpened("i", "fp", title, severity, type, null, Map.of(), "s", T);
    }

    private static RemediationPlanned planned(ExecutionMode mode, String playbook, int steps) {
        List<PlannedStep> plan = Stream.iterate(1, n -> n + 1).limit(steps)
                .map(n -> new PlannedStep(n, "step " + n, "ecs", "DescribeServices", Map.of(), false))
                .toList();
        return new RemediationPlanned("r", "i", playbook, mode, plan, T);
    }
}
