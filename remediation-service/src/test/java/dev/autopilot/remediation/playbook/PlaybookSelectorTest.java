package dev.autopilot.remediation.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which playbook each incident type gets. */
class PlaybookSelectorTest {

    private final PlaybookSelector selector =
            PlaybookSelector.forRunbook(RunbookDefaults.SERVICE, RunbookDefaults.SETTINGS);

    @ParameterizedTest(name = "type [{0}] -> {1}")
    @CsvSource(nullValues = "-", value = {
            "outage,         outage",
            "degradation,    degradation",
            "agent-failure,  agent-failure",
            "traffic-surge,  traffic-surge",
            "OUTAGE,         outage",
            "' Degradation ', degradation",
            "unclassified,   evidence",
            "security,       evidence",
            "data-loss,      evidence",
            "outage-ish,     evidence",
            "'',             evidence",
            "-,              evidence",
    })
    void choosesThePlaybookNamedAfterTheIncidentType(String type, String playbook) {
        assertThat(selector.select(type).name()).isEqualTo(playbook);
    }
}
