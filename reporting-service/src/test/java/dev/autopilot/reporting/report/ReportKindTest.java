package dev.autopilot.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When each report runs (09:00 in Seoul is 00:00 UTC) and the period it covers. */
class ReportKindTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource({
            "DAILY,   2026-11-25T23:59:59Z, 2026-11-26T00:00:00Z",
            "DAILY,   2026-11-26T00:00:00Z, 2026-11-27T00:00:00Z",
            "WEEKLY,  2026-11-26T00:00:00Z, 2026-11-30T00:00:00Z",
            "WEEKLY,  2026-11-29T23:59:59Z, 2026-11-30T00:00:00Z",
            "WEEKLY,  2026-11-30T00:00:00Z, 2026-12-07T00:00:00Z",
            "MONTHLY, 2026-11-26T00:00:00Z, 2026-12-07T00:00:00Z",
            "MONTHLY, 2026-12-07T00:00:00Z, 2027-01-04T00:00:00Z",
            "MONTHLY, 2026-10-31T00:00:00Z, 2026-11-02T00:00:00Z",
    })
    void runsAtNineInSeoulOnItsDays(ReportKind kind, Instant after, Instant next) {
        assertThat(kind.nextRun(after, SEOUL, NINE)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0} run at {1} covers [{2}, {3})")
    @CsvSource({
            "DAILY,   2026-11-26T00:00:00Z, 2026-11-24T15:00:00Z, 2026-11-25T15:00:00Z",
            "WEEKLY,  2026-11-30T00:00:00Z, 2026-11-22T15:00:00Z, 2026-11-29T15:00:00Z",
            "MONTHLY, 2026-12-07T00:00:00Z, 2026-10-31T15:00:00Z, 2026-11-30T15:00:00Z",
            "DAILY,   2026-11-25T16:00:00Z, 2026-11-24T15:00:00Z, 2026-11-25T15:00:00Z",
    })
    void coversTheWholeDaysBeforeItRan(ReportKind kind, Instant at, Instant start, Instant end) {
        assertThat(kind.period(at, SEOUL)).isEqualTo(new ReportKind.Period(start, end));
    }
}
