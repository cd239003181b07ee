package dev.autopilot.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
