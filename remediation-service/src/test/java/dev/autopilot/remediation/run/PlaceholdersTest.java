package dev.autopilot.remediation.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Placeholders resolved from what earlier steps found out, and the retry schedule's backoff. */
class PlaceholdersTest {

    private static final Map<String, Object> FACTS = Map.of("family", "t-developer", "N", 42, "N-1", 40,
            "desiredCount", 4);
    private static final Instant AT = Instant.parse("2026-11-26T05:12:41.600Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <family>:<N-1>                                          | t-developer:40
            EMERGENCY ROLLBACK: Service rolled back to <family>:<N-1> | EMERGENCY ROLLBACK: Service rolled back to t-developer:40
            manual-backup-<time:yyyyMMdd-HHmmss>                    | manual-backup-20261126-051241
            no placeholder                                          | no placeholder
            """)
    void textIsWrittenIn(String template, String resolved) {
        Placeholders.Resolution resolution = Placeholders.resolve(Map.of("value", template), FACTS, AT);

        assertThat(resolution.parameters().get("value")).isEqualTo(resolved);
        assertThat(resolution.complete()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"<desiredCount+2>, 6", "<desiredCount-1>, 3", "<N-1>, 40", "<N>, 42", "<N+0>, 42"})
    void aLonePlaceholderKeepsItsNumber(String template, int value) {
        assertThat(Placeholders.resolve(Map.of("desiredCount", template), FACTS, AT).parameters().get("desiredCount"))
                .isEqualTo(value);
    }

    @Test
    void anUnknownFactStaysAsItIsAndIsReported() {
        Placeholders.Resolution resolution = Placeholders.resolve(Map.of("taskDefinition", "<family>:<N-1>",
                "desiredCount", "<runningCount+1>", "services", List.of("<service>")), Map.of("family", "web"), AT);

        assertThat(resolution.complete()).isFalse();
        assertThat(resolution.unresolved()).isEqualTo(Set.of("N-1", "runningCount+1", "service"));
        assertThat(resolution.parameters()).containsEntry("taskDefinition", "web:<N-1>")
                .containsEntry("desiredCount", "<runningCount+1>").containsEntry("services", List.of("<service>"));
    }

    @Test
    void valuesInListsAndMapsAreResolvedToo() {
        Map<String, Object> parameters = Map.of("Dimensions", List.of(Map.of("Name", "ServiceName",
                "Value", "<family>")), "Period", 300);

        assertThat(Placeholders.resolve(parameters, FACTS, AT).parameters()).isEqualTo(Map.of("Dimensions",
                List.of(Map.of("Name", "ServiceName", "Value", "t-developer")), "Period", 300));
    }

    @ParameterizedTest(name = "after {0} failed attempts: wait {1} ms, another allowed: {2}")
    @CsvSource({"1, 2000, true", "2, 4000, true", "3, 8000, true", "4, 16000, false", "5, 30000, false",
            "40, 30000, false"})
    void retriesBackOffExponentiallyUpToTheirBound(int failed, long waitMillis, boolean another) {
        RetrySchedule schedule = new RetrySchedule(4, Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(schedule.backoffAfter(failed)).isEqualTo(Duration.ofMillis(waitMillis));
        assertThat(schedule.allowsAnother(failed)).isEqualTo(another);
    }
}
