package dev.autopilot.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autopilot.contracts.Severity;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing table as shipped in application.properties: the runbook's "Contacts and escalation". */
class RoutingTableTest {

    private static final Router SHIPPED = RouterProducer.build(config(null));

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "P0      | outage        | p0        | DevOps Lead, #t-developer-ops",
            "P1      | degradation   | p1        | #t-developer-ops",
            "P2      | agent-failure | p2        | #t-developer-ops",
            "P0      | security      | security  | Security officer, Management",
            "P2      | SECURITY      | security  | Security officer, Management",
            "P1      | data-loss     | data-loss | DevOps Lead, Backend Lead, System administrator, Security officer, #t-developer-ops",
            "P0      | data-loss     | data-loss | DevOps Lead, Backend Lead, System administrator, Security officer, #t-developer-ops",
            "P3      | unclassified  | p2        | #t-developer-ops",
            "UNKNOWN | -             | p2        | #t-developer-ops",
            "-       | -             | p2        | #t-developer-ops",
    })
    void anIncidentPagesTheFirstStepOfItsPolicy(Severity severity, String type, String policy, String paged) {
        EscalationPolicy chosen = SHIPPED.policyFor(new IncidentFacts(severity, type, "svc", Map.of()));

        assertThat(chosen.name()).isEqualTo(policy);
        assertThat(chosen.firstStep().number()).isEqualTo(1);
        assertThat(chosen.firstStep().after()).isZero();
        assertThat(chosen.firstStep().contacts()).extracting(Contact::label)
                .containsExactlyElementsOf(List.of(paged.split(",\\s*")));
    }

    @Test
    void laterStepsAreReadAsTheRunbookSaysThem() {
        EscalationPolicy p1 = SHIPPED.policyFor(facts(Severity.P1, "degradation"));

        assertThat(p1.steps()).hasSize(2);
        assertThat(p1.steps().get(1).number()).isEqualTo(2);
        assertThat(p1.steps().get(1).after()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p1.steps().get(1).condition()).isEqualTo(StepCondition.UNRESOLVED);
        EscalationPolicy p2 = SHIPPED.policyFor(facts(Severity.P2, "agent-failure"));
        assertThat(p2.steps().get(1).after()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p2.steps().get(1).condition()).isEqualTo(StepCondition.UNACKNOWLEDGED);
        assertThat(p2.steps().get(1).contacts()).extracting(Contact::key).containsExactly("devops-lead");
        EscalationPolicy dataLoss = SHIPPED.policyFor(facts(Severity.P1, "data-loss"));
        assertThat(dataLoss.steps().get(1).requiresApproval()).isTrue();
        assertThat(dataLoss.steps().get(1).after()).isZero();
        assertThat(dataLoss.steps().get(1).contacts()).extracting(Contact::key).containsExactly("customers");
        assertThat(p1.steps().get(1).contacts()).singleElement().satisfies(lead -> {
            assertThat(lead.name()).isEqualTo("Lee Baekend");
            assertThat(lead.role()).isEqualTo("Backend Lead");
            assertThat(lead.kind()).isEqualTo(ContactKind.PERSON);
            assertThat(lead.hours().from()).isEqualTo(LocalTime.of(9, 0));
            assertThat(lead.hours().to()).isEqualTo(LocalTime.of(18, 0));
            assertThat(lead.hours().zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        });
    }

    @Test
    void contactsCarryTheirNamesAndHours() {
        Contact devopsLead = SHIPPED.policyFor(facts(Severity.P0, "outage")).firstStep().contacts().get(0);
        Contact opsChannel = SHIPPED.policyFor(facts(Severity.P0, "outage")).firstStep().contacts().get(1);

        assertThat(devopsLead).isEqualTo(new Contact("devops-lead", "Kim Gaebal", "DevOps Lead", ContactKind.PERSON,
                OnCallHours.ALWAYS, List.of(new ContactChannel("pagerduty", null),
                        new ContactChannel("sns", "+821000000001"), new ContactChannel("email", "kim.gaebal@example.com"),
                        new ContactChannel("webhook", null))));
        assertThat(opsChannel.channels()).extracting(ContactChannel::channel).containsExactly("slack", "webhook");
        assertThat(SHIPPED.roster().lastResort()).isEqualTo(devopsLead);
        assertThat(opsChannel.kind()).isEqualTo(ContactKind.CHANNEL);
        assertThat(opsChannel.label()).isEqualTo("#t-developer-ops");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "notification.routing.policies.p0.steps[0].contacts | devops-lead,nobody | policies.p0.steps[0].contacts: no contact 'nobody'",
            "notification.routing.rules[2].policy               | p9                 | rules[2].policy: no policy 'p9'",
            "notification.routing.default-policy                | none               | default-policy: no policy 'none'",
            "notification.routing.contacts.backend-lead.hours   | weekdays           | contacts.backend-lead.hours: hours must be",
            "notification.routing.policies.p1.steps[1].after    | -5m                | policies.p1.steps[1]: step 2 is due before",
            "notification.routing.last-resort                   | backend-lead       | last-resort: the last resort must be reachable 24/7",
            "notification.routing.last-resort                   | nobody             | last-resort: no contact 'nobody'",
    })
    void aConfigurationThatDoesNotAddUpStopsTheStartNamingItsKey(String key, String value, String message) {
        assertThatThrownBy(() -> RouterProducer.build(config(Map.of(key, value))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("notification.routing.")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} {1} on {2} with {3} -> {4}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "P2 | agent-failure | t-developer-service-production | team=payments | payments",
            "P2 | agent-failure | t-developer-service-production | team=search   | p2",
            "P2 | agent-failure | billing                        | -             | p2",
            "P3 | unclassified  | billing                        | -             | billing",
            "P0 | outage        | billing                        | -             | billing",
            "P0 | security      | billing                        | -             | security",
            "P1 | degradation   | other                          | -             | p1",
    })
    void rulesMatchServiceAndLabelsToo(Severity severity, String type, String service, String label, String policy) {
        Router router = RouterProducer.build(config(Map.of(
                "notification.routing.policies.payments.steps[0].contacts", "backend-lead",
                "notification.routing.policies.billing.steps[0].contacts", "system-administrator",
                "notification.routing.rules[5].service", "billing",
                "notification.routing.rules[5].policy", "billing",
                "notification.routing.rules[1].labels.team", "payments",
                "notification.routing.rules[1].type", "agent-failure",
                "notification.routing.rules[1].policy", "payments",
                "notification.routing.rules[2].service", "billing",
                "notification.routing.rules[2].policy", "billing")));
        Map<String, String> labels = label == null ? Map.of() : Map.of(label.split("=")[0], label.split("=")[1]);

        assertThat(router.policyFor(new IncidentFacts(severity, type, service, labels)).name()).isEqualTo(policy);
    }

    private static IncidentFacts facts(Severity severity, String type) {
        return new IncidentFacts(severity, type, "t-developer-service-production", Map.of());
    }

    /** The shipped configuration, with some properties overridden. */
    static RoutingConfig config(Map<String, String> overrides) {
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(
                            RoutingTableTest.class.getResource("/application.properties"), 250))
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(RoutingConfig.class);
            if (overrides != null) {
                builder.withSources(new PropertiesConfigSource(new HashMap<>(overrides), "overrides", 400));
            }
            SmallRyeConfig config = builder.build();
            return config.getConfigMapping(RoutingConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
