package dev.autopilot.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff shipped = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 2);

    @ParameterizedTest(name = "after {0} failed attempt(s): {1}")
    @CsvSource({
            "1,    PT5S",
            "2,    PT10S",
            "3,    PT20S",
            "4,    PT40S",
            "5,    PT1M20S",
            "6,    PT2M40S",
            "7,    PT5M",
            "8,    PT5M",
            "1000, PT5M",
    })
    void doublesUpToTheMaximum(int failedAttempts, Duration wait) {
        assertThat(shipped.after(failedAttempts)).isEqualTo(wait);
    }

    @Test
    void aMultiplierOfOneWaitsTheSameEachTime() {
        Backoff constant = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 1);

        assertThat(constant.after(1)).isEqualTo(constant.after(50)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refusesABackoffThatIsNotBounded() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
