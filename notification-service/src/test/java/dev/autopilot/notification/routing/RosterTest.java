package dev.autopilot.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who a step of the shipped policies pages, in and out of hours: a person outside their hours is replaced by the
 * next reachable person of the policy, or by the 24/7 DevOps Lead.
 */
class RosterTest {

    private static final Router SHIPPED = RouterProducer.build(RoutingTableTest.config(null));

    /** Wednesday 10:00 and Saturday 10:00 in Seoul. */
    private static final String WEEKDAY = "2026-11-25T01:00:00Z";
    private static final String WEEKEND = "2026-11-28T01:00:00Z";

    @ParameterizedTest(name = "{0} step {1} at {2} pages {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "P1 | degradation | 2 | " + WEEKDAY + " | backend-lead                    | -            | -",
            "P1 | degradation | 2 | " + WEEKEND + " | devops-lead                     | backend-lead | -",
            "P0 | security    | 1 | " + WEEKDAY + " | security-officer,management     | -            | -",
            "P0 | security    | 1 | " + WEEKEND + " | devops-lead,management          | security-officer | -",
            "P0 | outage      | 1 | " + WEEKEND + " | devops-lead,ops-channel         | -            | -",
            "P1 | data-loss   | 1 | " + WEEKDAY
                    + " | devops-lead,backend-lead,system-administrator,security-officer,ops-channel | - | -",
            "P1 | data-loss   | 1 | " + WEEKEND + " | devops-lead,system-administrator,ops-channel | - "
                    + "| backend-lead>system-administrator,security-officer>devops-lead",
    })
    void aStepPagesWhoIsReachableOrWhoStandsIn(Severity severity, String type, int step, Instant at, String paged,
            String replacing, String absent) {
        EscalationPolicy policy = SHIPPED.policyFor(new IncidentFacts(severity, type, "svc", Map.of()));

        Roster.Assignment assignment = SHIPPED.roster().assign(policy, policy.step(step), at);

        assertThat(assignment.recipients()).extracting(r -> r.contact().key())
                .containsExactlyElementsOf(List.of(paged.split(",")));
        assertThat(assignment.recipients()).extracting(r -> r.replacing() == null ? null : r.replacing().key())
                .filteredOn(key -> key != null)
                .containsExactlyElementsOf(replacing == null ? List.of() : List.of(replacing.split(",")));
        assertThat(assignment.absent()).extracting(a -> a.contact().key() + ">" + a.coveredBy().key())
                .containsExactlyElementsOf(absent == null ? List.of() : List.of(absent.split(",")));
    }

    @ParameterizedTest(name = "at {0}: {1} reachable")
    @CsvSource(delimiter = '|', value = {
            WEEKDAY + " | Lee Baekend  | -",
            WEEKEND + " | -            | Kim Gaebal",
    })
    void onCallTellsPerRoleWhoIsReachableNowAndWhoStandsIn(Instant at, String backendLead, String standIn) {
        Roster.RoleOnCall role = SHIPPED.roster().onCall(at).stream()
                .filter(r -> r.role().equals("Backend Lead")).findFirst().orElseThrow();

        assertThat(role.reachable()).extracting(Contact::name)
                .containsExactlyElementsOf("-".equals(backendLead) ? List.of() : List.of(backendLead));
        assertThat(role.standIn() == null ? "-" : role.standIn().name()).isEqualTo(standIn);
    }
}
