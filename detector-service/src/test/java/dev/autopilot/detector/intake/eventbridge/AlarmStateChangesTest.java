package dev.autopilot.detector.intake.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmStateChangesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1 out of the last 1 datapoints [99.5 (02/10/19 16:59:00)] was greater than the threshold (50.0) | GreaterThanThreshold",
            "1 out of the last 1 datapoints [0.06 (01/10/19 13:46:00)] was not greater than the threshold (50.0) | GreaterThanThreshold",
            "2 out of the last 2 datapoints [80.0, 81.0] were greater than or equal to the threshold (80.0) | GreaterThanOrEqualToThreshold",
            "1 out of the last 1 datapoints [80.0 (02/10/19 16:59:00)] was greater than or equal to the threshold (80.0) | GreaterThanOrEqualToThreshold",
            "1 out of the last 1 datapoints [12.0 (02/10/19 16:59:00)] was less than the threshold (50.0) | LessThanThreshold",
            "1 out of the last 1 datapoints [60.0 (02/10/19 16:59:00)] was not less than or equal to the threshold (50.0) | LessThanOrEqualToThreshold",
            "Unchecked: Initial alarm creation | -",
            "- | -"})
    void theComparisonIsReadFromTheReason(String reason, String comparison) {
        assertThat(AlarmStateChanges.comparison(reason)).isEqualTo(comparison);
    }
}
