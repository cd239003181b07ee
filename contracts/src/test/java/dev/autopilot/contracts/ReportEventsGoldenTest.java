package dev.autopilot.contracts;

import dev.autopilot.contracts.report.ReportPublished;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

class ReportEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.REPORT_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        return Stream.of(new ReportPublished("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "daily",
                "Daily health check, 2026-11-26", Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"),
                "ECS service ACTIVE, 2 of 2 tasks running; 1 alarm in ALARM; 2 incidents (1 P0)",
                "http://127.0.0.1:8083/reports/b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e.html",
                List.of("s3: AccessDenied"), Instant.parse("2026-11-26T00:00:05Z")));
    }
}
