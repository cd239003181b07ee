package dev.autopilot.remediation.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Revision N-1 done right (gaps, other families), and when a service counts as stable. */
class EcsPoliciesTest {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    @ParameterizedTest(name = "current {0}, active {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            web:42 | web:42,web:41,web:40     | web:41
            web:42 | web:42,web:40,web:39     | web:40
            web:42 | web:39,web:42,web:40     | web:40
            web:42 | web:43,web:42            | -
            web:42 | web-worker:41,web:38     | web:38
            web:42 | web-worker:41            | -
            web:1  | web:1                    | -
            web:10 | web:9,web:2,web:10       | web:9
            """)
    void theNewestActiveRevisionOfTheFamilyBelowTheCurrentOne(String current, String active, String chosen) {
        List<String> arns = Arrays.stream(active.split(",")).map(name -> ARN + name).toList();

        assertThat(PreviousRevision.choose(PreviousRevision.parse(current).orElseThrow(), arns).map(Object::toString))
                .isEqualTo(Optional.ofNullable(chosen));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "arn:aws:ecs:us-east-1:123456789012:task-definition/t-developer:42, t-developer:42",
            "t-developer:7, t-developer:7",
            "my_family-2:3, my_family-2:3",
            "t-developer, -",
            "-, -",
    })
    void readsFamilyAndRevision(String text, String parsed) {
        assertThat(PreviousRevision.parse(text).map(Object::toString)).isEqualTo(Optional.ofNullable(parsed));
    }

    @ParameterizedTest(name = "{0} deployments, {1} of {2}, rollout {3} -> stable {4}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            1 | 2 | 2 | COMPLETED   | true  | 1 deployment, running 2 of 2, rollout COMPLETED
            1 | 2 | 2 | -           | true  | 1 deployment, running 2 of 2
            2 | 2 | 2 | IN_PROGRESS | false | 2 deployments, running 2 of 2, rollout IN_PROGRESS
            1 | 1 | 2 | COMPLETED   | false | 1 deployment, running 1 of 2, rollout COMPLETED
            1 | 2 | 2 | FAILED      | false | 1 deployment, running 2 of 2, rollout FAILED
            """)
    void aServiceIsStableWithOneDeploymentAndAllItsTasksRunning(int deployments, int running, int desired,
            String rollout, boolean stable, String explanation) {
        ServiceStability.Verdict verdict = ServiceStability.of(deployments, running, desired, rollout);

        assertThat(verdict.stable()).isEqualTo(stable);
        assertThat(verdict.explanation()).isEqualTo(explanation);
    }
}
