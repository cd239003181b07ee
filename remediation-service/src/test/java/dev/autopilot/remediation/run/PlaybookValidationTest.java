package dev.autopilot.remediation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.autopilot.remediation.action.Actions;
import dev.autopilot.remediation.playbook.ApprovalRules;
import dev.autopilot.remediation.playbook.ConfiguredPlaybooks;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.Playbook;
import dev.autopilot.remediation.playbook.PlaybookSelector;
import dev.autopilot.remediation.playbook.PlaybookStep;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start-up check of the playbooks and the configuration around them: each kind of mistake it finds, said as
 * people read it, and nothing for a configuration that works. Built against the service's real actions; each case
 * makes its own configuration.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class PlaybookValidationTest {

    /** application.properties' own remediation settings: the runbook's rate limit of rollbacks. */
    private static final Map<String, String> RUNBOOK = Map.of(
            "remediation.safety.rate-limits.rollback.max", "3",
            "remediation.safety.rate-limits.rollback.window", "1h");

    private static final String WAIT = "step 'Wait until the service is stable': a step that waits needs a positive "
            + "timeout";
    private static final String VERIFY = "step 'Verify the fix: service stable, targets healthy, the alarm's metric "
            + "back under its threshold': a step that waits needs a positive timeout";

    @Inject
    Actions actions;

    @Inject
    Clock clock;

    @Inject
    PlaybookValidation asConfiguredForTests;

    @Test
    void theServiceAsItRunsInTheTestsHasNoProblem() {
        assertThat(asConfiguredForTests.problems()).isEmpty();
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("the runbook's defaults", Map.of(), List.of()),
                Arguments.of("valid overrides", Map.of(
                        "remediation.playbooks.types.slo-warning", "degradation",
                        "remediation.approvals.required-for", "rollback, traffic-surge.scale",
                        "remediation.modes.playbooks.security", "dry-run",
                        "remediation.modes.actions.\"secretsmanager.RotateSecret\"", "dry-run",
                        "remediation.agents.parser.restart", "stop-task",
                        "remediation.safety.rate-limits.scale.max", "6",
                        "remediation.safety.rate-limits.scale.window", "30m"), List.of()),
                Arguments.of("no time to become stable", Map.of("remediation.playbooks.stability-timeout", "0s"),
                        List.of("playbook outage, " + WAIT, "playbook degradation, " + WAIT,
                                "playbook traffic-surge, " + WAIT)),
                Arguments.of("a verification deadline in the past",
                        Map.of("remediation.playbooks.verification-deadline", "-PT5M"),
                        List.of("playbook outage, " + VERIFY, "playbook degradation, " + VERIFY)),
                Arguments.of("a surge factor that calls usual traffic a surge",
                        Map.of("remediation.playbooks.surge-factor", "1.0"),
                        List.of("remediation.playbooks.surge-factor: a surge factor must be above 1, not 1.0")),
                Arguments.of("more tasks at least than at most",
                        Map.of("remediation.safety.min-tasks", "5", "remediation.safety.max-tasks", "4"),
                        List.of("remediation.safety.min-tasks, max-tasks: scaling bounds need 0 <= min <= max, not "
                                + "5..4")),
                Arguments.of("a circuit breaker open for a negative time",
                        Map.of("remediation.safety.breaker-open-for", "-PT1H"),
                        List.of("remediation.safety.breaker-failures, breaker-open-for: a circuit breaker needs "
                                + "failures >= 1 and openFor >= 0")),
                Arguments.of("a rate limit without a window", Map.of("remediation.safety.rate-limits.rollback.window",
                        "0s"), List.of("remediation.safety.rate-limits.rollback: a rate limit needs max >= 0 and a "
                                + "positive window")),
                Arguments.of("a rate limit of a kind no step is", Map.of(
                        "remediation.safety.rate-limits.reboot.max", "1",
                        "remediation.safety.rate-limits.reboot.window", "1h"),
                        List.of("remediation.safety.rate-limits.reboot: no step is a reboot; kinds: [announce, backup, "
                                + "block-bucket, clear-cache, invalidate-sessions, restart, rollback, rotate-secret, "
                                + "scale]")),
                Arguments.of("approvals of kinds and playbooks' kinds that do not exist", Map.of(
                        "remediation.approvals.required-for", "rollback, rollbak, outage.scale, security.rollback"),
                        List.of("remediation.approvals.required-for: rollbak is neither a kind nor a playbook.kind of "
                                        + "a step",
                                "remediation.approvals.required-for: security.rollback is neither a kind nor a "
                                        + "playbook.kind of a step")),
                Arguments.of("a mode for a playbook that does not exist",
                        Map.of("remediation.modes.playbooks.outages", "dry-run"),
                        List.of("remediation.modes.playbooks.outages: no such playbook")),
                Arguments.of("a mode for an operation no action runs",
                        Map.of("remediation.modes.actions.\"ecs.RestartService\"", "dry-run"),
                        List.of("remediation.modes.actions.\"ecs.RestartService\": no action service.Operation")),
                Arguments.of("a mode for an operation without its service",
                        Map.of("remediation.modes.actions.RotateSecret", "dry-run"),
                        List.of("remediation.modes.actions.\"RotateSecret\": no action service.Operation")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void findsEveryMistakeOfTheConfigurationAndNoneInOneThatWorks(String configuration,
            Map<String, String> properties, List<String> problems) {
        RemediationConfig config = configured(properties);

        assertThat(validation(ConfiguredPlaybooks.selector(config), config).problems())
                .containsExactlyElementsOf(problems);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            remediation.playbooks.types.slo-warning | degrade      | remediation.playbooks.types.slo-warning: no playbook named degrade; known: [outage, degradation, agent-failure, traffic-surge, scaling, security, data-leak, backup, evidence]
            remediation.agents.billing.restart      | stop-task    | remediation.agents.billing: not one of the agents [nl-input, ui-selection, parser, component-decision, match-rate, search, generation, assembly, download]
            remediation.agents.parser.restart       | admin-http   | remediation.agents.parser.url is needed for admin-http
            """)
    void aConfigurationThePlaybooksCannotBeBuiltFromRefusesTheStart(String property, String value, String message) {
        RemediationConfig config = configured(Map.of(property, value));

        assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredPlaybooks.selector(config))
                .withMessage(message);
    }

    @ParameterizedTest(name = "{0} {1}, kind {2}, condition {3}, timeout {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ec2 | RebootInstances         | -     | -                       | -     | no action runs ec2 RebootInstances
            ecs | Reboot                  | -     | -                       | -     | no action runs ecs Reboot
            ecs | UpdateService           | -     | -                       | -     | a change needs a kind (for its rate limit and approvals)
            ecs | UpdateService           | scale | -                       | -     | -
            ecs | WaitUntilServicesStable | -     | -                       | -     | a step that waits needs a positive timeout
            ecs | WaitUntilServicesStable | -     | -                       | PT0S  | a step that waits needs a positive timeout
            ecs | WaitUntilServicesStable | -     | -                       | -PT1M | a step that waits needs a positive timeout
            ecs | WaitUntilServicesStable | -     | after-a-change          | PT5M  | -
            ecs | DescribeServices        | -     | when-it-rains           | -     | unknown condition when-it-rains
            ecs | DescribeServices        | -     | cooldown-over:5 minutes | -     | unknown condition cooldown-over:5 minutes
            ecs | DescribeServices        | -     | cooldown-over:PT5M      | -     | -
            """)
    void aStepThatCannotRunIsAProblemOfItsPlaybook(String service, String operation, String kind, String condition,
            Duration timeout, String problem) {
        PlaybookStep step = new PlaybookStep("the step", service, operation, Map.of(), false, kind, condition, timeout,
                false);
        PlaybookSelector playbooks = new PlaybookSelector(List.of(new Fixed("custom", List.of(step))),
                new Fixed("evidence", List.of()), Map.of(), ApprovalRules.NONE);

        assertThat(validation(playbooks, mapping(Map.of())).problems()).containsExactlyElementsOf(
                problem == null ? List.of() : List.of("playbook custom, step 'the step': " + problem));
    }

    @Test
    void anyProblemStopsTheStartAndAllOfThemAreSaid() {
        RemediationConfig config = configured(Map.of("remediation.playbooks.surge-factor", "0.5",
                "remediation.modes.playbooks.outages", "dry-run"));

        assertThatIllegalStateException().isThrownBy(() -> validation(ConfiguredPlaybooks.selector(config), config)
                .check(null)).withMessage("""
                        the playbooks cannot run as configured:
                        - remediation.playbooks.surge-factor: a surge factor must be above 1, not 0.5
                        - remediation.modes.playbooks.outages: no such playbook""");
    }

    private PlaybookValidation validation(PlaybookSelector playbooks, RemediationConfig config) {
        return new PlaybookValidation(playbooks, actions, config, clock);
    }

    /** The configuration as the service reads it: the runbook's settings, then the case's own. */
    private static RemediationConfig configured(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(RUNBOOK);
        all.putAll(properties);
        return mapping(all);
    }

    /** The configuration mapping of just these properties (and the mapping's defaults). */
    private static RemediationConfig mapping(Map<String, String> all) {
        return new SmallRyeConfigBuilder()
                .withMapping(RemediationConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "case", 500))
                .build()
                .getConfigMapping(RemediationConfig.class);
    }

    /** A playbook of fixed steps. */
    private record Fixed(String name, List<PlaybookStep> steps) implements Playbook {

        @Override
        public String target(Occasion occasion) {
            return "ecs:test/" + name;
        }

        @Override
        public List<PlaybookStep> plan(Occasion occasion, Instant now) {
            return steps;
        }
    }
}
