package dev.autopilot.remediation.action.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an alarm's metric is back on the right side of its threshold. */
class ThresholdTest {

    @ParameterizedTest(name = "{1} {0} 70 -> breached {2}")
    @CsvSource({
            "GreaterThanThreshold,          70.0, false",
            "GreaterThanThreshold,          70.1, true",
            "GreaterThanOrEqualToThreshold, 70.0, true",
            "LessThanThreshold,             69.9, true",
            "LessThanThreshold,             70.0, false",
            "LessThanOrEqualToThreshold,    70.0, true",
    })
    void aValueBreachesTheThresholdAsTheAlarmCompares(String operator, double value, boolean breached) {
        assertThat(new Threshold(operator, 70.0).breachedBy(value)).isEqualTo(breached);
        assertThat(Threshold.comparable(operator)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not compared with one value")
    @CsvSource({"LessThanLowerOrGreaterThanUpperThreshold", "GreaterThanUpperThreshold", "''"})
    void anomalyBandsAreNotComparedWithOneValue(String operator) {
        assertThat(Threshold.comparable(operator.isEmpty() ? null : operator)).isFalse();
    }
}
