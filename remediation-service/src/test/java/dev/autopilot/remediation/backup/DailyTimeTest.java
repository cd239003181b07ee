package dev.autopilot.remediation.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a daily run comes next. */
class DailyTimeTest {

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "03:00, 2026-11-26T02:59:59Z, 2026-11-26T03:00:00Z",
            "03:00, 2026-11-26T03:00:00Z, 2026-11-27T03:00:00Z",
            "03:00, 2026-11-26T12:00:00Z, 2026-11-27T03:00:00Z",
            "23:30, 2026-12-31T23:45:00Z, 2027-01-01T23:30:00Z",
            "00:00, 2026-11-26T00:00:00.001Z, 2026-11-27T00:00:00Z",
    })
    void theNextRunIsTheFirstSuchTimeAfterNow(String time, Instant now, Instant next) {
        assertThat(DailyTime.parse(time).nextAfter(now)).isEqualTo(next);
    }

    @ParameterizedTest(name = "[{0}] refused")
    @CsvSource({"3am", "25:00", "''"})
    void aTimeOfDayMustBeOne(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DailyTime.parse(text));
    }
}
