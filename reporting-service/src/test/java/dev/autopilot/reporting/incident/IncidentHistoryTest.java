package dev.autopilot.reporting.incident;

import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.reporting.ReportingApi.incidentIds;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.autopilot.contracts.Severity;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.IncidentStory;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incident history: filters, paging and what a bad filter gets. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class IncidentHistoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void filtersAndPagesNewestFirst() {
        String service = "svc-" + UUID.randomUUID();
        EventFeed feed = new EventFeed(kafka);
        IncidentStory first = IncidentStory.of("first", Severity.P0, "outage", service, Instant.parse("2030-01-01T00:00:00Z"));
        IncidentStory second = IncidentStory.of("second", Severity.P1, "degradation", service, Instant.parse("2030-01-02T00:00:00Z"));
        IncidentStory third = IncidentStory.of("third", Severity.P2, "outage", service, Instant.parse("2030-01-03T00:00:00Z"));
        List.of(first.opened(), first.resolved(), second.opened(), third.opened()).forEach(feed::publish);
        awaitIncident(first.incidentId(), i -> "RESOLVED".equals(i.get("status")));
        awaitIncident(second.incidentId(), i -> true);
        awaitIncident(third.incidentId(), i -> true);
        String a = first.incidentId();
        String b = second.incidentId();
        String c = third.incidentId();

        assertThat(incidentIds(query(service))).containsExactly(c, b, a);
        assertThat(incidentIds(query(service, "status", "resolved"))).containsExactly(a);
        assertThat(incidentIds(query(service, "status", "OPEN"))).containsExactly(c, b);
        assertThat(incidentIds(query(service, "severity", "P1"))).containsExactly(b);
        assertThat(incidentIds(query(service, "type", "outage"))).containsExactly(c, a);
        assertThat(incidentIds(query(service, "from", "2030-01-02"))).containsExactly(c, b);
        assertThat(incidentIds(query(service, "from", "2030-01-02T09:00:00+09:00", "to", "2030-01-03T00:00:00Z")))
                .containsExactly(b);
        assertThat(incidentIds(query(service, "limit", "2"))).containsExactly(c, b);
        assertThat(incidentIds(query(service, "offset", "2", "limit", "2"))).containsExactly(a);
        assertThat(incidentIds(query(service, "offset", "3"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} -> 400 on {2}")
    @CsvSource({
            "status,   CLOSED,            status",
            "severity, P7,                severity",
            "from,     yesterday,         from",
            "to,       2030-13-01,        to",
            "to,       2020-01-01,        to",
            "offset,   -1,                offset",
            "limit,    0,                 limit",
            "limit,    501,               limit",
            "limit,    ten,               limit",
    })
    void aBadFilterIsAProblemNamingItsField(String name, String value, String field) {
        Map<String, String> query = new HashMap<>(Map.of(name, value));
        query.putIfAbsent("from", "2030-01-01");
        as("viewer").queryParams(query).get("/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    private static Map<String, String> query(String service, String... more) {
        Map<String, String> query = new HashMap<>(Map.of("service", service));
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return query;
    }
}
