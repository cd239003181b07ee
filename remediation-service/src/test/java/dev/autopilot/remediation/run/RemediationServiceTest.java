package dev.autopilot.remediation.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.RemediationConfig;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service starts only in a mode it implements: dry-run, for now. */
class RemediationServiceTest {

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"LIVE", "UNKNOWN"})
    void refusesAModeItDoesNotImplement(ExecutionMode mode) {
        assertThatIllegalStateException().isThrownBy(() -> start(mode))
                .withMessageContaining("remediation.mode=" + mode);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = "DRY_RUN")
    void startsInDryRun(ExecutionMode mode) {
        assertThatCode(() -> start(mode)).doesNotThrowAnyException();
    }

    private static RemediationService start(ExecutionMode mode) {
        return new RemediationService(null, null, null, new RemediationConfig() {
            @Override
            public ExecutionMode mode() {
                return mode;
            }

            @Override
            public ManagedServiceConfig managedService() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PlaybooksConfig playbooks() {
                throw new UnsupportedOperationException();
            }
        }, Clock.systemUTC());
    }
}
