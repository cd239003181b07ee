package dev.autopilot.contracts;

import static dev.autopilot.contracts.Samples.INCIDENT;
import static dev.autopilot.contracts.Samples.NOTIFICATION;

import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

class NotificationEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.NOTIFICATION_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        return Stream.of(
                new NotificationSent(NOTIFICATION, INCIDENT, "webhook", "DevOps Lead", 1, 1,
                        Instant.parse("2026-11-26T05:12:41.700Z")),
                new NotificationFailed(NOTIFICATION, INCIDENT, "webhook", "DevOps Lead", 1, 5,
                        "HTTP 503 from the webhook after 5 attempts", Instant.parse("2026-11-26T05:20:00Z")),
                new NotificationSuppressed(NOTIFICATION, INCIDENT, "slack", "#t-developer-ops", 1, "storm",
                        Instant.parse("2026-11-26T05:12:42Z")),
                new EscalationStepReached(INCIDENT, "p1", 2, List.of("Lee Baekend"),
                        Instant.parse("2026-11-26T05:27:41.500Z")));
    }
}
