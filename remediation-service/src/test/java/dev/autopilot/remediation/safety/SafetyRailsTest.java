package dev.autopilot.remediation.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rails as plain arithmetic: scaling bounds, rate limit windows, the circuit breaker. */
class SafetyRailsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @ParameterizedTest(name = "asked {0} -> {1}{2}")
    @CsvSource(delimiter = '|', textBlock = """
            10 | 10 | ''
            21 | 20 | ' (21 asked; bounded to the maximum 20)'
            99 | 20 | ' (99 asked; bounded to the maximum 20)'
            1  | 2  | ' (1 asked; bounded to the minimum 2)'
            -3 | 2  | ' (-3 asked; bounded to the minimum 2)'
            2  | 2  | ''
            20 | 20 | ''
            """)
    void noPlaybookTakesAServiceBelowTwoOrAboveTwentyTasks(int asked, int set, String explanation) {
        ScalingBounds bounds = new ScalingBounds(2, 20);

        assertThat(bounds.bound(asked)).isEqualTo(set);
        assertThat(bounds.explain(asked)).isEqualTo(explanation);
    }

    @ParameterizedTest(name = "bounds {0}..{1} refused")
    @CsvSource({"5, 4", "-1, 3"})
    void boundsMustMakeSense(int min, int max) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScalingBounds(min, max));
    }

    @ParameterizedTest(name = "executions {0} minutes ago -> allowed {1}, again at {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''          | true  | -
            10          | true  | -
            50,30,10    | false | 2026-11-26T12:10:00Z
            61,30,10    | true  | -
            60,30,10    | true  | -
            59,30,10    | false | 2026-11-26T12:01:00Z
            59,58,30,10 | false | 2026-11-26T12:02:00Z
            -1,30,10    | true  | -
            """)
    void atMostThreeRollbacksPerHourInASlidingWindow(String minutesAgo, boolean allowed, String again) {
        RateLimit limit = new RateLimit(3, Duration.ofHours(1));
        List<Instant> executions = minutesAgo.isBlank() ? List.of()
                : Arrays.stream(minutesAgo.split(",")).map(m -> NOW.minus(Duration.ofMinutes(Long.parseLong(m.trim()))))
                        .toList();

        assertThat(limit.allows(executions, NOW)).isEqualTo(allowed);
        assertThat(limit.allowedAgainAt(executions, NOW)).isEqualTo(Optional.ofNullable(again).map(Instant::parse));
    }

    @ParameterizedTest(name = "{0} -> open until {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            F@5,F@20,F@40       | 2026-11-26T12:55:00Z
            F@5,F@20            | -
            F@5,S@20,F@40,F@50  | -
            S@5,F@20,F@40,F@50  | -
            F@61,F@70,F@80      | -
            F@59,F@70,F@80      | 2026-11-26T12:01:00Z
            F@1,F@2,F@3,S@4     | 2026-11-26T12:59:00Z
            ''                  | -
            """)
    void threeFailuresInARowStopAutomationForAnHour(String newestFirst, String until) {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofHours(1));
        List<CircuitBreaker.Outcome> outcomes = newestFirst.isBlank() ? List.of()
                : Arrays.stream(newestFirst.split(",")).map(String::trim).map(o -> new CircuitBreaker.Outcome(
                        o.startsWith("F"), NOW.minus(Duration.ofMinutes(Long.parseLong(o.substring(2)))))).toList();

        assertThat(breaker.openUntil(outcomes, NOW)).isEqualTo(Optional.ofNullable(until).map(Instant::parse));
    }
}
