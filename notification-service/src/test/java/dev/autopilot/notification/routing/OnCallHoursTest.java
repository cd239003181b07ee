package dev.autopilot.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnCallHoursTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "24/7                            | 24/7",
            "MON-FRI 09:00-18:00 Asia/Seoul  | MON,TUE,WED,THU,FRI 09:00-18:00 Asia/Seoul",
            "mon,wed,fri 08:30-12:00 UTC     | MON,WED,FRI 08:30-12:00 UTC",
            "FRI-MON 10:00-11:00 Europe/Paris| MON,FRI,SAT,SUN 10:00-11:00 Europe/Paris",
            "MON-SUN 00:00-23:59 Asia/Seoul  | MON,TUE,WED,THU,FRI,SAT,SUN 00:00-23:59 Asia/Seoul",
            "sat 09:00-18:00 Asia/Seoul      | SAT 09:00-18:00 Asia/Seoul",
    })
    void readsTheRunbooksWayOfWritingHours(String text, String canonical) {
        assertThat(OnCallHours.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "always", "weekdays 09:00-18:00 Asia/Seoul", "MON-FRI 9-18 Asia/Seoul",
            "MON-FRI 18:00-09:00 Asia/Seoul", "MON-FRI 09:00-18:00 Mars/Olympus", "MON-FRI 09:00-18:00"})
    void refusesWhatItCannotRead(String text) {
        assertThatThrownBy(() -> OnCallHours.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // Asia/Seoul is UTC+9 all year: 09:00 KST is 00:00Z, 18:00 KST is 09:00Z. 2026-11-25 is a Wednesday.
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-24T23:59:59Z | false",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-25T00:00:00Z | true",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-25T08:59:59Z | true",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-25T09:00:00Z | false",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-28T01:00:00Z | false",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-29T23:59:59Z | false",
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-30T00:00:00Z | true",
            // Friday 17:59:59 local is in, Saturday 09:00 local is out
            "MON-FRI 09:00-18:00 Asia/Seoul      | 2026-11-27T08:59:59Z | true",
            // America/New_York: DST starts on Sunday 2026-03-08 (EST UTC-5 -> EDT UTC-4), ends on Sunday 2026-11-01
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-06T14:00:00Z | true",
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-06T13:59:59Z | false",
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-09T13:00:00Z | true",
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-09T12:59:59Z | false",
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-09T21:59:59Z | true",
            "MON-FRI 09:00-18:00 America/New_York | 2026-03-09T22:00:00Z | false",
            "MON-FRI 09:00-18:00 America/New_York | 2026-11-02T14:00:00Z | true",
            "MON-FRI 09:00-18:00 America/New_York | 2026-11-02T13:59:59Z | false",
            // a window inside the hour that does not exist on the spring-forward night (02:00-03:00 local)
            "SUN 02:00-03:00 America/New_York     | 2026-03-08T07:00:00Z | false",
            "SUN 02:00-03:00 America/New_York     | 2026-03-01T07:00:00Z | true",
            "24/7                                 | 2026-11-28T03:00:00Z | true",
    })
    void windowsStartInclusiveEndExclusiveInTheZonesWallClock(String hours, Instant at, boolean covered) {
        assertThat(OnCallHours.parse(hours).covers(at)).isEqualTo(covered);
    }
}
