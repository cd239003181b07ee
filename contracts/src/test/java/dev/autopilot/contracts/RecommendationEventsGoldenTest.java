package dev.autopilot.contracts;

import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import java.time.Instant;
import java.util.stream.Stream;

class RecommendationEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.RECOMMENDATION_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        return Stream.of(new ScalingRecommended("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "t-developer-service-production",
                "t-developer-cluster-production", ScalingDirection.OUT, "AWS/ECS CPUUtilization", 83.5, 70.0, 120,
                "CPU above 70 % for 2 minutes", Instant.parse("2026-11-26T05:20:00Z")));
    }
}
