package dev.autopilot.detector.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the built-in table (the runbook's), and the engine's handling of holds and fallbacks. */
class RuleEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    private final RuleEngine engine = new RuleEngine(builtIn(), "t-developer-service-production", Duration.ofMinutes(10));

    static RuleBook builtIn() {
        return RuleBookReader.read("classpath:detector-rules.yaml", new InputStreamReader(
                RuleEngineTest.class.getClassLoader().getResourceAsStream("detector-rules.yaml"), StandardCharsets.UTF_8));
    }

    /**
     * One signal each: source, status, labels ({@code name=value;...}) and value, and the verdict: the condition
     * ({@code P0 outage by rule}, {@code clear}) or the recommendation ({@code scale OUT by rule}), or nothing.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // alarms, by namespace and metric (not by name)
            "cloudwatch  | FIRING   | namespace=AWS/ApplicationELB;metricName=HealthyHostCount | - | P0 outage by no-healthy-targets-alarm",
            "eventbridge | FIRING   | namespace=AWS/ApplicationELB;metricName=HealthyHostCount | - | P0 outage by no-healthy-targets-alarm",
            "cloudwatch  | RESOLVED | namespace=AWS/ApplicationELB;metricName=HealthyHostCount | - | clear",
            "cloudwatch  | FIRING   | namespace=AWS/ApplicationELB;metricName=HTTPCode_Target_5XX_Count | - | P1 degradation by target-5xx-alarm",
            "cloudwatch  | FIRING   | namespace=AWS/ApplicationELB;metricName=HTTPCode_ELB_5XX_Count | - | P1 degradation by target-5xx-alarm",
            "cloudwatch  | FIRING   | namespace=AWS/ApplicationELB;metricName=TargetResponseTime | - | P1 degradation by slow-responses-alarm",
            "cloudwatch  | FIRING   | namespace=T-Developer/Pipeline;metricName=PipelineExecutionTime | - | P1 degradation by slow-pipeline-alarm",
            "cloudwatch  | FIRING   | namespace=AWS/EC2;metricName=NetworkOut | - | P2 unclassified by none",
            "cloudwatch  | INSUFFICIENT_DATA | namespace=AWS/EC2;metricName=NetworkOut | - | nothing",
            "cloudwatch  | FIRING   | namespace=AWS/ECS;metricName=CPUUtilization;comparisonOperator=GreaterThanThreshold | - | scale OUT by scale-out-on-cpu-alarm",
            "cloudwatch  | FIRING   | namespace=AWS/ECS;metricName=MemoryUtilization;comparisonOperator=GreaterThanOrEqualToThreshold | - | scale OUT by scale-out-on-cpu-alarm",
            "cloudwatch  | FIRING   | namespace=AWS/ECS;metricName=CPUUtilization;comparisonOperator=LessThanThreshold | - | scale IN by scale-in-on-cpu-alarm",
            // checks, judged by their value
            "check | FIRING   | check=target-health;metric=healthyTargets | 0 | P0 outage by no-healthy-targets",
            "check | RESOLVED | check=target-health;metric=healthyTargets | 2 | clear",
            "check | FIRING   | check=target-health;metric=unhealthyTargets | 1 | P2 degradation by some-targets-unhealthy",
            "check | FIRING   | check=ecs-service;metric=runningCount | 0 | P0 outage by no-running-tasks",
            "check | RESOLVED | check=ecs-service;metric=runningCount | 2 | clear",
            "check | FIRING   | check=cloudwatch-metric;metric=ErrorRate | 97 | P0 outage by almost-every-request-failing",
            "check | FIRING   | check=cloudwatch-metric;metric=ErrorRate | 7.5 | P1 degradation by error-rate-over-5",
            "check | FIRING   | check=cloudwatch-metric;metric=ErrorRate | 3 | P3 slo-warning by slo-error-rate-over-2",
            "check | RESOLVED | check=cloudwatch-metric;metric=ErrorRate | 1.5 | clear",
            "check | FIRING   | check=cloudwatch-metric;metric=PipelineExecutionTime | 61 | P1 degradation by pipeline-p95-over-60s",
            "check | FIRING   | check=cloudwatch-metric;metric=PipelineExecutionTime | 50 | P3 slo-warning by slo-pipeline-p95-over-45s",
            "check | RESOLVED | check=cloudwatch-metric;metric=PipelineExecutionTime | 44 | clear",
            "check | FIRING   | check=cloudwatch-metric;metric=AgentExecutionTime;agent=parser | 12 | P2 agent-failure by agent-over-10s",
            "check | RESOLVED | check=cloudwatch-metric;metric=AgentExecutionTime;agent=parser | 8 | clear",
            "check | FIRING   | check=logs;metric=slowExecutions;agent=search | 3 | P2 agent-failure by agent-slow-in-logs",
            "check | FIRING   | check=logs;metric=errorCount | 51 | P2 degradation by error-burst-in-logs",
            "check | RESOLVED | check=logs;metric=errorCount | 50 | clear",
            "check | FIRING   | check=logs;metric=authFailures | 21 | P1 security by authentication-failures",
            "check | FIRING   | check=logs;metric=rateLimitHits | 101 | P1 security by rate-limit-hits",
            // events
            "eventbridge | FIRING | event=deployment-failed | - | P1 degradation by deployment-failed",
            "eventbridge | FIRING | event=deployment-rollback | - | P1 degradation by deployment-failed",
            "eventbridge | FIRING | event=task-placement-failure | - | P1 degradation by task-placement-failing",
            "eventbridge | FIRING | event=agent-task-failed;agent=parser | - | P2 agent-failure by agent-failing",
            "eventbridge | RESOLVED | event=agent-task-failed;agent=parser | - | clear",
            "eventbridge | FIRING | event=security-group-change;groupName=t-developer-alb-sg | - | P1 security by security-group-changed",
            "eventbridge | FIRING | event=guardduty-finding;findingType=Recon:EC2/PortProbeUnprotectedPort | - | P1 security by guardduty-finding",
            "eventbridge | FIRING | event=guardduty-finding;findingType=Exfiltration:S3/AnomalousBehavior | - | P0 data-loss by s3-exfiltration",
            "eventbridge | FIRING | event=guardduty-finding;findingType=UnauthorizedAccess:S3/TorIPCaller | - | P0 data-loss by s3-exfiltration",
            "intake      | FIRING | event=forged-sns-message | - | P1 security by forged-sns-message",
            // what a sender states wins
            "prometheus | FIRING | alertname=DiskFull;severity=critical | - | P1 unclassified by labels",
            "generic    | FIRING | severity=P0;type=outage | - | P0 outage by labels",
            "generic    | FIRING | severity=P3;type=maintenance | - | P3 maintenance by labels",
            "prometheus | FIRING | alertname=Whatever | - | P2 unclassified by none",
            "prometheus | RESOLVED | alertname=Whatever | - | clear",
    })
    void judgesEverySignalByTheTable(String source, SignalStatus status, String labels, Double value, String expected) {
        List<Verdict> verdicts = engine.evaluate(signal(source, status, labels(labels), value, T0), new MemoryStates());

        assertThat(describe(verdicts)).isEqualTo(expected);
    }

    @Test
    void aConditionThatMustHoldFiresOnlyOnceItHas() {
        MemoryStates states = new MemoryStates();
        Map<String, String> probe = labels("check=http-probe;metric=availability");

        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, probe, 0.0, T0), states))).isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, probe, 0.0, T0.plusSeconds(59)), states)))
                .isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, probe, 0.0, T0.plusSeconds(60)), states)))
                .isEqualTo("P0 outage by health-check-failing");
        // a success resets the hold
        engine.evaluate(signal("check", SignalStatus.RESOLVED, probe, 1.0, T0.plusSeconds(61)), states);
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, probe, 0.0, T0.plusSeconds(62)), states)))
                .isEqualTo("clear");
    }

    @Test
    void cpuAbove70ForTwoMinutesRecommendsScalingOutOnceThenAgainAfterTenMinutes() {
        MemoryStates states = new MemoryStates();
        Map<String, String> cpu = labels("check=cloudwatch-metric;metric=CPUUtilization;namespace=AWS/ECS");
        List<String> seen = new java.util.ArrayList<>();
        for (int second = 0; second <= 900; second += 60) {
            seen.add(second + "s " + describe(engine.evaluate(
                    signal("check", SignalStatus.FIRING, cpu, 85.0, T0.plusSeconds(second)), states)));
        }

        assertThat(seen).filteredOn(s -> s.contains("scale")).containsExactly(
                "120s clear; scale OUT by scale-out-on-cpu", "720s clear; scale OUT by scale-out-on-cpu");
    }

    @Test
    void cpuBelow50ForFiveMinutesRecommendsScalingIn() {
        MemoryStates states = new MemoryStates();
        Map<String, String> cpu = labels("check=cloudwatch-metric;metric=CPUUtilization");

        assertThat(describe(engine.evaluate(signal("check", SignalStatus.RESOLVED, cpu, 30.0, T0), states))).isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.RESOLVED, cpu, 30.0, T0.plusSeconds(299)), states)))
                .isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.RESOLVED, cpu, 30.0, T0.plusSeconds(300)), states)))
                .isEqualTo("clear; scale IN by scale-in-on-cpu");
    }

    @Test
    void memoryAbove80ForTwoMinutesRecommendsScalingOut() {
        MemoryStates states = new MemoryStates();
        Map<String, String> memory = labels("check=cloudwatch-metric;metric=MemoryUtilization");

        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, memory, 85.0, T0), states))).isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, memory, 85.0, T0.plusSeconds(119)), states)))
                .isEqualTo("clear");
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, memory, 85.0, T0.plusSeconds(120)), states)))
                .isEqualTo("clear; scale OUT by scale-out-on-memory");
        // at 80 % exactly it is not above
        MemoryStates other = new MemoryStates();
        engine.evaluate(signal("check", SignalStatus.FIRING, memory, 80.0, T0), other);
        assertThat(describe(engine.evaluate(signal("check", SignalStatus.FIRING, memory, 80.0, T0.plusSeconds(180)), other)))
                .isEqualTo("clear");
    }

    @Test
    void aSignalNamingItsServiceConcernsThatService() {
        Verdict.Condition verdict = (Verdict.Condition) engine.evaluate(signal("generic", SignalStatus.FIRING,
                labels("service=api;severity=P1;type=degradation"), null, T0), new MemoryStates()).get(0);

        assertThat(verdict.service()).isEqualTo("api");
        assertThat(verdict.group()).isEqualTo("operations");
    }

    @Test
    void aRuleNamingAnAgentGivesTheConditionThatAgentOverTheSignalsOwnLabel() {
        RuleBook book = RuleBookReader.read("rules.yaml", "rules:\n  - name: parser-down\n"
                + "    match: {source: prometheus, alertname: ParserDown}\n    severity: P2\n    type: agent-failure\n"
                + "    agent: parser\n  - name: agent-slow\n    match: {source: check, metric: AgentExecutionTime}\n"
                + "    above: 10\n    severity: P2\n    type: agent-failure\n");
        RuleEngine withAgents = new RuleEngine(book, "t-developer-service-production", Duration.ofMinutes(10));

        Verdict.Condition named = (Verdict.Condition) withAgents.evaluate(signal("prometheus", SignalStatus.FIRING,
                labels("alertname=ParserDown;agent=sidecar"), null, T0), new MemoryStates()).get(0);
        Verdict.Condition labelled = (Verdict.Condition) withAgents.evaluate(signal("check", SignalStatus.FIRING,
                labels("metric=AgentExecutionTime;agent=search"), 12.0, T0), new MemoryStates()).get(0);

        assertThat(named.agent()).as("the rule's agent").isEqualTo("parser");
        assertThat(named.type()).isEqualTo("agent-failure");
        assertThat(labelled.agent()).as("no agent in the rule: the signal's own").isEqualTo("search");
    }

    @Test
    void securityAndDataLossCorrelateApartFromOperations() {
        Verdict.Condition security = (Verdict.Condition) engine.evaluate(signal("eventbridge", SignalStatus.FIRING,
                labels("event=security-group-change"), null, T0), new MemoryStates()).get(0);
        Verdict.Condition loss = (Verdict.Condition) engine.evaluate(signal("eventbridge", SignalStatus.FIRING,
                labels("event=guardduty-finding;findingType=Exfiltration:S3/ObjectRead.Unusual"), null, T0),
                new MemoryStates()).get(0);

        assertThat(security.group()).isEqualTo("security");
        assertThat(loss.group()).isEqualTo("data-loss");
    }

    static String describe(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "nothing";
        }
        return verdicts.stream().map(v -> {
            if (v instanceof Verdict.Condition c) {
                return c.firing() ? c.severity() + " " + c.type() + " by " + c.rule() : "clear";
            }
            if (v instanceof Verdict.Scale s) {
                return "scale " + s.direction() + " by " + s.rule();
            }
            return "nothing";
        }).collect(Collectors.joining("; "));
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String[] parts = pair.split("=", 2);
            labels.put(parts[0].trim(), parts[1].trim());
        }
        return labels;
    }

    static SignalReceived signal(String source, SignalStatus status, Map<String, String> labels, Double value,
            Instant at) {
        return new SignalReceived("id-" + at, "fp", source, null, status, "title", null, labels, value, null, at, at);
    }

    /** The engine's states in memory, as the correlator keeps them for a batch. */
    static final class MemoryStates implements RuleStates {
        private final Map<String, RuleState> states = new HashMap<>();

        @Override
        public Optional<RuleState> get(String rule, String fingerprint) {
            return Optional.ofNullable(states.get(rule + "/" + fingerprint));
        }

        @Override
        public void put(String rule, String fingerprint, RuleState state) {
            states.put(rule + "/" + fingerprint, state);
        }

        @Override
        public void remove(String rule, String fingerprint) {
            states.remove(rule + "/" + fingerprint);
        }
    }

    @Test
    void scalingDirectionsAreTheContractsOnes() {
        assertThat(ScalingDirection.valueOf("OUT")).isNotNull();
        assertThat(Severity.P0.isWorseThan(Severity.P3)).isTrue();
    }
}
