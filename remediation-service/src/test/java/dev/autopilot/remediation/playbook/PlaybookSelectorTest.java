package dev.autopilot.remediation.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which playbook each incident type gets, by default and as configuration overrides it. */
class PlaybookSelectorTest {

    private final PlaybookSelector selector =
            PlaybookSelector.forRunbook(RunbookDefaults.SERVICE, RunbookDefaults.SETTINGS);

    @ParameterizedTest(name = "type [{0}] -> {1}")
    @CsvSource(nullValues = "-", value = {
            "outage,         outage",
            "degradation,    degradation",
            "agent-failure,  agent-failure",
            "traffic-surge,  traffic-surge",
            "security,       security",
            "data-loss,      data-leak",
            "OUTAGE,         outage",
            "' Degradation ', degradation",
            "unclassified,   evidence",
            "slo-warning,    evidence",
            "scaling,        evidence",
            "backup,         evidence",
            "data-leak,      evidence",
            "outage-ish,     evidence",
            "'',             evidence",
            "-,              evidence",
    })
    void choosesThePlaybookThatServesTheIncidentType(String type, String playbook) {
        assertThat(selector.select(type).name()).isEqualTo(playbook);
    }

    @ParameterizedTest(name = "override {0}={1}: type {0} -> {1}")
    @CsvSource({
            "slo-warning, degradation",
            "outage,      evidence",
            "Unclassified, agent-failure",
    })
    void configurationMayServeATypeWithAnotherPlaybook(String type, String playbook) {
        PlaybookSelector configured = PlaybookSelector.forRunbook(RunbookDefaults.SERVICE, RunbookDefaults.SETTINGS,
                Map.of(type, playbook), ApprovalRules.NONE);

        assertThat(configured.select(type).name()).isEqualTo(playbook);
        assertThat(configured.typesByPlaybook().get(playbook)).contains(type.trim().toLowerCase());
    }

    @ParameterizedTest(name = "override to [{0}] is refused")
    @CsvSource({"rollback", "outage-x", "nothing"})
    void anOverrideNamingNoPlaybookStopsTheStart(String playbook) {
        assertThatIllegalArgumentException().isThrownBy(() -> PlaybookSelector.forRunbook(RunbookDefaults.SERVICE,
                RunbookDefaults.SETTINGS, Map.of("outage", playbook), ApprovalRules.NONE))
                .withMessageContaining("remediation.playbooks.types.outage");
    }

    @ParameterizedTest(name = "{0} in {1}, rules [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            rollback | outage        | rollback                  | true
            rollback | outage        | scale                     | false
            scale    | traffic-surge | traffic-surge.scale       | true
            scale    | degradation   | traffic-surge.scale       | false
            -        | outage        | rollback                  | false
            backup   | backup        | rollback,backup.backup    | true
            """)
    void approvalRulesMarkStepsByKindOrByPlaybookAndKind(String kind, String playbook, String rules, boolean required) {
        assertThat(ApprovalRules.of(java.util.List.of(rules.split(","))).requires(playbook, kind)).isEqualTo(required);
    }
}
