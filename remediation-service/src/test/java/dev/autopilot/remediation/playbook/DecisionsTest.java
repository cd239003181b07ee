package dev.autopilot.remediation.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The playbooks' decisions as tables: roll back or not, did traffic surge, and the steps' conditions. */
class DecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final RollbackDecision rollback = new RollbackDecision(Duration.ofMinutes(60));

    @ParameterizedTest(name = "deployed {1} min ago, failed {2}, our last rollback to {3} {4} min ago -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            web:42 | 10  | false | -      | -   | true  | web:42 was deployed at 2026-11-26T11:50:00Z, within 60 minutes
            web:42 | 60  | false | -      | -   | true  | web:42 was deployed at 2026-11-26T11:00:00Z, within 60 minutes
            web:42 | 61  | false | -      | -   | false | no deployment within 60 minutes and none failed
            web:42 | 600 | true  | -      | -   | true  | a deployment of the service failed
            web:42 | -   | false | -      | -   | false | no deployment within 60 minutes and none failed
            web:41 | 5   | true  | web:41 | 5   | false | web:41 is this service's own rollback of 2026-11-26T11:55:00Z; not rolling back again
            web:41 | 90  | false | web:41 | 90  | false | no deployment within 60 minutes and none failed
            web:43 | 5   | false | web:41 | 30  | true  | web:43 was deployed at 2026-11-26T11:55:00Z, within 60 minutes
            web:41 | 5   | false | web:41 | 61  | true  | web:41 was deployed at 2026-11-26T11:55:00Z, within 60 minutes
            """)
    void anOutageRollsBackWhenARecentOrFailedDeploymentIsTheLikelyCause(String current, Long deployedMinutesAgo,
            boolean failed, String lastRollbackTo, Long lastRollbackMinutesAgo, boolean rollBack, String reason) {
        RollbackDecision.Verdict verdict = rollback.decide(new RollbackDecision.Evidence(current,
                ago(deployedMinutesAgo), failed, lastRollbackTo, ago(lastRollbackMinutesAgo)), NOW);

        assertThat(verdict.rollBack()).isEqualTo(rollBack);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} -> surged {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100,100,100,100 | false | last period 100 requests, 1.0 times the 100 before
            100,100,100,210 | true  | last period 210 requests, 2.1 times the 100 before
            100,100,100,200 | true  | last period 200 requests, 2.0 times the 100 before
            100,120,80,199  | false | last period 199 requests, 2.0 times the 100 before
            0,0,0,500       | false | no traffic before the last period to compare with
            500             | false | not enough request counts to compare (1)
            """)
    void trafficSurgedWhenTheLastPeriodDoublesTheOnesBefore(String counts, boolean surged, String reason) {
        List<Double> requests = Arrays.stream(counts.split(",")).map(Double::valueOf).toList();

        TrafficSurge.Verdict verdict = new TrafficSurge(2.0).detect(requests);

        assertThat(verdict.surged()).isEqualTo(surged);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            rollback-indicated     | deployedAt=2026-11-26T11:50:00Z                               | true
            rollback-indicated     | -                                                             | false
            surge-without-rollback | deployedAt=2026-11-26T11:50:00Z;counts=1,1,9                  | false
            surge-without-rollback | deployedAt=2026-11-26T01:00:00Z;counts=1,1,9                  | true
            surge-without-rollback | deployedAt=2026-11-26T01:00:00Z;counts=5,5,5                  | false
            cooldown-over:PT3M     | lastScaledAt=2026-11-26T11:58:00Z                             | false
            cooldown-over:PT3M     | lastScaledAt=2026-11-26T11:57:00Z                             | true
            cooldown-over:PT5M     | -                                                             | true
            """)
    void stepConditionsAreDecidedOnWhatEarlierStepsFoundOut(String condition, String found, boolean holds) {
        StepConditions conditions = new StepConditions(rollback, new TrafficSurge(2.0));
        Map<String, Object> facts = new HashMap<>();
        if (found != null) {
            for (String pair : found.split(";")) {
                String[] kv = pair.split("=");
                switch (kv[0]) {
                    case "deployedAt" -> {
                        facts.put("taskDefinition", "web:42");
                        facts.put("deployedAt", kv[1]);
                    }
                    case "counts" -> facts.put(StepConditions.REQUEST_COUNTS,
                            Arrays.stream(kv[1].split(",")).map(Double::valueOf).toList());
                    default -> facts.put(StepConditions.LAST_SCALED_AT, kv[1]);
                }
            }
        }

        assertThat(conditions.evaluate(condition, new StepConditions.Context(facts, false, NOW)).holds())
                .isEqualTo(holds);
        assertThat(StepConditions.isKnown(condition)).isTrue();
    }

    @ParameterizedTest(name = "{0} known: {1}")
    @CsvSource({"after-a-change, true", "cooldown-over:PT1H, true", "cooldown-over:soon, false", "whenever, false"})
    void onlyKnownConditionsPassValidation(String condition, boolean known) {
        assertThat(StepConditions.isKnown(condition)).isEqualTo(known);
    }

    private static Instant ago(Long minutes) {
        return minutes == null ? null : NOW.minus(Duration.ofMinutes(minutes));
    }
}
