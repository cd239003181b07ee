package dev.autopilot.detector.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autopilot.contracts.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBookReaderTest {

    @Test
    void readsTheBuiltInTable() {
        RuleBook book = RuleEngineTest.builtIn();

        assertThat(book.rules()).hasSizeGreaterThan(25);
        Rule cpu = book.rules().stream().filter(r -> r.name().equals("scale-out-on-cpu")).findFirst().orElseThrow();
        assertThat(cpu.above()).isEqualTo(70.0);
        assertThat(cpu.holdFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(cpu.recommendsScaling()).isTrue();
        Rule outage = book.rules().get(0);
        assertThat(outage.severity()).isEqualTo(Severity.P0);
        assertThat(outage.line()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no rules key          | other: [] | line 1: must be a mapping with a 'rules' list",
            "rules not a list      | rules: 3 | line 1: 'rules' must be a list",
            "bad yaml              | 'rules: [ {name: x' | not valid YAML",
            "missing name          | 'rules:\\n  - match: {source: check}\\n    severity: P1\\n    type: x' | line 2: a rule needs a name",
            "bad severity          | 'rules:\\n  - name: a\\n    match: {source: check}\\n    severity: P7\\n    type: x' | line 4: rule 'a': severity must be P0, P1, P2 or P3, not P7",
            "missing type          | 'rules:\\n  - name: a\\n    match: {source: check}\\n    severity: P1' | line 2: rule 'a': type is required",
            "bad duration          | 'rules:\\n  - name: a\\n    match: {source: check}\\n    for: soon\\n    severity: P1\\n    type: x' | line 4: rule 'a': for must be a duration like 30s, 2m or 1h",
            "bad threshold         | 'rules:\\n  - name: a\\n    match: {source: check}\\n    above: high\\n    severity: P1\\n    type: x' | line 4: rule 'a': above must be a number",
            "unknown field         | 'rules:\\n  - name: a\\n    match: {source: check}\\n    severity: P1\\n    type: x\\n    colour: red' | line 6: unknown field 'colour'",
            "no match              | 'rules:\\n  - name: a\\n    severity: P1\\n    type: x' | line 2: rule 'a': match is required",
            "empty match           | 'rules:\\n  - name: a\\n    match: {}\\n    severity: P1\\n    type: x' | line 3: rule 'a': match must be a non-empty mapping",
            "bad recommendation    | 'rules:\\n  - name: a\\n    match: {source: check}\\n    recommend: panic' | line 4: rule 'a': recommend must be scale-out or scale-in, not panic",
            "scaling with severity | 'rules:\\n  - name: a\\n    match: {source: check}\\n    recommend: scale-in\\n    severity: P1' | rule 'a': a rule that recommends scaling has no severity or type",
            "duplicate names       | 'rules:\\n  - {name: a, match: {source: x}, severity: P1, type: t}\\n  - {name: a, match: {source: y}, severity: P1, type: t}' | line 3: rule 'a' is defined twice",
            "bad name              | 'rules:\\n  - {name: Big Rule, match: {source: x}, severity: P1, type: t}' | rule 'Big Rule': name must be lower-case words joined by dashes",
            "bad agent name        | 'rules:\\n  - name: a\\n    match: {source: x}\\n    severity: P2\\n    type: t\\n    agent: Parser Agent' | line 6: rule 'a': agent must be lower-case words joined by dashes",
    })
    void aBadTableIsRefusedNamingTheLineAndTheProblem(String what, String yaml, String message) {
        assertThatThrownBy(() -> RuleBookReader.read("rules.yaml", yaml.replace("\\n", "\n")))
                .isInstanceOf(InvalidRuleBookException.class)
                .hasMessageContaining("rules.yaml")
                .hasMessageContaining(message);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = "rules:\n  - name: a\n    match: {source: check}\n    severity: P9\n    type: x\n"
                + "  - name: b\n    match: {source: check}\n    severity: P1\n";

        assertThatThrownBy(() -> RuleBookReader.read("rules.yaml", yaml))
                .hasMessageContaining("line 4: rule 'a': severity")
                .hasMessageContaining("line 6: rule 'b': type is required");
    }

    @Test
    void aRuleMayNameTheAgentItConcernsWhichTheManagedServiceMustHave() {
        String yaml = "rules:\n  - name: parser-down\n    match: {source: prometheus, alertname: ParserDown}\n"
                + "    severity: P2\n    type: agent-failure\n    agent: parser\n"
                + "  - name: render-down\n    match: {source: prometheus, alertname: RenderDown}\n"
                + "    severity: P2\n    type: agent-failure\n    agent: render\n";
        RuleBook book = RuleBookReader.read("rules.yaml", yaml);

        assertThat(book.rules()).extracting(Rule::agent).containsExactly("parser", "render");
        assertThat(book.requireAgents(List.of("parser", "render", "search"))).isSameAs(book);
        assertThatThrownBy(() -> book.requireAgents(List.of("parser", "search")))
                .isInstanceOf(InvalidRuleBookException.class)
                .hasMessage("rules.yaml line 7: rule 'render-down': agent 'render' is not one of the managed service's"
                        + " agents (detector.managed.agents: parser, search)");
    }

    @Test
    void globsMatchWholeValues() {
        assertThat(Glob.of("*t-developer*").matches("sg-t-developer-alb")).isTrue();
        assertThat(Glob.of("GreaterThan*").matches("GreaterThanOrEqualToThreshold")).isTrue();
        assertThat(Glob.of("Exfiltration:S3/*").matches("Exfiltration:S3/ObjectRead.Unusual")).isTrue();
        assertThat(Glob.of("AWS/ECS").matches("AWS/ECS2")).isFalse();
        assertThat(Glob.of("a.b").matches("axb")).isFalse();
        assertThat(Glob.of("x").matches(null)).isFalse();
    }
}
