package dev.autopilot.reporting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.reporting.Permutations;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How remediation events combine, whatever order they arrive in. */
class RemediationProgressTest {

    private static final Instant T = Instant.parse("2026-11-26T05:12:41Z");
    private static final PlannedStep STEP = new PlannedStep(1, "Check", "ecs", "DescribeServices", Map.of(), false);

    /** r1 is planned at T and ends at T+10 min; r2, a second attempt, is planned at T+20 min and ends at T+30 min. */
    private static final Map<String, RemediationEvent> EVENTS = Map.of(
            "planned1", new RemediationPlanned("r1", "i", "outage", ExecutionMode.DRY_RUN, List.of(STEP, STEP), T),
            "succeeded1", new RemediationSucceeded("r1", "i", "stable", T.plusSeconds(600)),
            "failed1", new RemediationFailed("r1", "i", "not stable", T.plusSeconds(600)),
            "planned2", new RemediationPlanned("r2", "i", "rollback", ExecutionMode.LIVE, List.of(STEP), T.plusSeconds(1200)),
            "failed2", new RemediationFailed("r2", "i", "no previous revision", T.plusSeconds(1800)));

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(nullValues = "-", value = {
            "planned1,                       r1, PLANNED,   outage,   DRY_RUN, 2",
            "succeeded1,                     r1, SUCCEEDED, -,        -,       -",
            "planned1 succeeded1,            r1, SUCCEEDED, outage,   DRY_RUN, 2",
            "succeeded1 planned1,            r1, SUCCEEDED, outage,   DRY_RUN, 2",
            "failed1 planned1 failed1,       r1, FAILED,    outage,   DRY_RUN, 2",
            "planned1 failed1 succeeded1,    r1, FAILED,    outage,   DRY_RUN, 2",
            "planned1 succeeded1 failed1,    r1, FAILED,    outage,   DRY_RUN, 2",
            "planned1 failed1 planned2,      r2, PLANNED,   rollback, LIVE,    1",
            "planned2 failed1 planned1,      r2, PLANNED,   rollback, LIVE,    1",
            "failed2 failed1 planned1,       r2, FAILED,    -,        -,       -",
            "failed2 planned1 planned2,      r2, FAILED,    rollback, LIVE,    1",
    })
    void aLaterStateNeverGoesBackAndTheLatestRemediationIsTheIncidents(String arrival, String id,
            RemediationStatus status, String playbook, ExecutionMode mode, Integer steps) {
        assertThat(fold(Arrays.asList(arrival.split(" "))))
                .usingRecursiveComparison().ignoringFields("at")
                .isEqualTo(new RemediationProgress(id, status, playbook, mode, steps, null));
    }

    @Test
    void everyArrivalOrderGivesTheSameProgress() {
        List<String> happened = List.of("planned1", "failed1", "planned2", "failed2");
        RemediationProgress expected = fold(happened);

        assertThat(Permutations.of(happened)).allSatisfy(order -> assertThat(fold(order)).isEqualTo(expected));
        assertThat(expected).isEqualTo(new RemediationProgress("r2", RemediationStatus.FAILED, "rollback",
                ExecutionMode.LIVE, 1, T.plusSeconds(1800)));
    }

    private static RemediationProgress fold(List<String> arrival) {
        RemediationProgress known = null;
        for (String name : arrival) {
            RemediationEvent event = EVENTS.get(name);
            RemediationProgress heard = RemediationProgress.of(event, event.occurredAt());
            known = known == null ? heard : known.merge(heard);
        }
        return known;
    }
}
