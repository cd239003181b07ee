package dev.autopilot.remediation.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which mode runs: the most cautious setting wins, and nothing is live without credentials. */
class ExecutionModesTest {

    @ParameterizedTest(name = "configured {0}, credentials {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            LIVE    | true  | LIVE    | remediation.mode is live and AWS credentials were found
            LIVE    | false | DRY_RUN | remediation.mode is live but the AWS SDK's default chain finds no credentials
            DRY_RUN | true  | DRY_RUN | remediation.mode is dry-run
            DRY_RUN | false | DRY_RUN | remediation.mode is dry-run
            UNKNOWN | true  | DRY_RUN | remediation.mode is unknown
            """)
    void withoutCredentialsTheServiceRunsDryRunAndSaysWhy(ExecutionMode configured, boolean credentials,
            ExecutionMode mode, String reason) {
        ExecutionModes.Effective effective = ExecutionModes.global(configured, credentials);

        assertThat(effective.mode()).isEqualTo(mode);
        assertThat(effective.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "global {0}, playbook {1}, asked {2}, action {3} -> remediation {4}, step {5}")
    @CsvSource(nullValues = "-", value = {
            "LIVE,    -,       -,       -,       LIVE,    LIVE",
            "LIVE,    DRY_RUN, -,       -,       DRY_RUN, DRY_RUN",
            "LIVE,    LIVE,    DRY_RUN, -,       DRY_RUN, DRY_RUN",
            "LIVE,    -,       -,       DRY_RUN, LIVE,    DRY_RUN",
            "LIVE,    -,       LIVE,    LIVE,    LIVE,    LIVE",
            "DRY_RUN, LIVE,    LIVE,    LIVE,    DRY_RUN, DRY_RUN",
            "LIVE,    UNKNOWN, -,       -,       DRY_RUN, DRY_RUN",
    })
    void theMostCautiousSettingWins(ExecutionMode global, ExecutionMode playbook, ExecutionMode asked,
            ExecutionMode action, ExecutionMode remediation, ExecutionMode step) {
        ExecutionMode forRemediation = ExecutionModes.remediation(global, Optional.ofNullable(playbook),
                Optional.ofNullable(asked));

        assertThat(forRemediation).isEqualTo(remediation);
        assertThat(ExecutionModes.step(forRemediation, Optional.ofNullable(action))).isEqualTo(step);
    }
}
