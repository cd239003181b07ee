package dev.autopilot.reporting.dashboard;

import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.TestClock;
import dev.autopilot.reporting.report.ReportRepository;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard serves, as data: the MTTA/MTTR trend of the last eight weeks (Seoul weeks, Monday first) and
 * the five newest reports with their gaps. Read from the page a viewer's bearer token gets, on a controlled clock.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class DashboardDataTest {

    /** Wednesday 2036-02-13, noon in Seoul: no other test has incidents or reports anywhere near it. */
    private static final Instant NOW = Instant.parse("2036-02-13T03:00:00Z");
    /** The trend's first week starts on Monday 2035-12-24 in Seoul. */
    private static final Instant WEEKS_FROM = Instant.parse("2035-12-23T15:00:00Z");
    private static final Pattern TREND_ROW = Pattern.compile(
            "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
    private static final Pattern REPORT_ITEM = Pattern.compile("<li><a href=\"([^\"]*)\">([^<]*)</a>([^<]*)</li>");

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Inject
    ReportRepository reportRepository;

    /** The reports this test ran; dated in 2036, they would be every later test's "newest" reports. */
    private final List<String> reports = new ArrayList<>();

    @AfterEach
    void realTimeAndNoFutureReports() {
        clock.reset();
        QuarkusTransaction.requiringNew()
                .run(() -> reports.forEach(id -> reportRepository.deleteById(UUID.fromString(id))));
    }

    @Test
    void theTrendTellsEachWeeksIncidentsMttaAndMttrAndTheReportsListTheFiveNewest() {
        EventFeed feed = new EventFeed(kafka);
        List<String> ids = new ArrayList<>();
        // a minute before the first week: not on the trend
        ids.add(incident(feed, Instant.parse("2035-12-23T14:59:00Z"), 1L, 2L));
        // Monday 00:30 in Seoul (still Sunday in UTC): the week of 2036-01-14, with the next one; MTTA (30 s + 90 s)
        // / 2, MTTR (10 min + 30 min) / 2
        ids.add(incident(feed, Instant.parse("2036-01-13T15:30:00Z"), 30L, 600L));
        ids.add(incident(feed, Instant.parse("2036-01-16T01:00:00Z"), 90L, 1_800L));
        // this week: acknowledged after 5 min, not resolved
        ids.add(incident(feed, Instant.parse("2036-02-12T01:00:00Z"), 300L, null));
        awaitIncident(ids.get(0), i -> "RESOLVED".equals(i.get("status")));
        awaitIncident(ids.get(1), i -> "RESOLVED".equals(i.get("status")));
        awaitIncident(ids.get(2), i -> "RESOLVED".equals(i.get("status")));
        awaitIncident(ids.get(3), i -> "ACKNOWLEDGED".equals(i.get("status")));

        // six reports, an hour apart, newest last; no AWS source answers: 5 gaps in a daily, 2 in a weekly
        aws.resetAll();
        for (int hoursBefore = 5; hoursBefore >= 1; hoursBefore--) {
            clock.set(NOW.minus(Duration.ofHours(hoursBefore)));
            reports.add(as("admin").post("/reports/daily/run").then().statusCode(201).extract().path("id"));
        }
        clock.set(NOW);
        reports.add(as("admin").post("/reports/weekly/run").then().statusCode(201).extract().path("id"));

        String page = as("viewer").get("/").then().statusCode(200).extract().asString();

        assertThat(rows(section(page, "trend"))).containsExactly(
                List.of("2035-12-24", "0", "-", "-"),
                List.of("2035-12-31", "0", "-", "-"),
                List.of("2036-01-07", "0", "-", "-"),
                List.of("2036-01-14", "2", "60 s", "20 min"),
                List.of("2036-01-21", "0", "-", "-"),
                List.of("2036-01-28", "0", "-", "-"),
                List.of("2036-02-04", "0", "-", "-"),
                List.of("2036-02-11", "1", "5 min", "-"));
        assertThat(section(page, "trend")).as("the chart beside the table").contains("<svg");

        // the measures API tells the same weeks
        JsonPath measures = as("viewer").queryParam("from", WEEKS_FROM.toString()).queryParam("to", NOW.toString())
                .queryParam("groupBy", "week").get("/measures").then().statusCode(200).extract().jsonPath();
        assertThat(measures.getList("groups.key", String.class)).hasSize(8).startsWith("2035-12-24")
                .endsWith("2036-02-11");
        assertThat(measures.getList("groups.incidents", Integer.class)).containsExactly(0, 0, 0, 2, 0, 0, 0, 1);
        assertThat(measures.getDouble("groups[3].mttaSeconds")).isEqualTo(60.0);
        assertThat(measures.getDouble("groups[3].mttrSeconds")).isEqualTo(1_200.0);
        assertThat(measures.getDouble("groups[7].mttaSeconds")).isEqualTo(300.0);
        assertThat(measures.getString("groups[7].mttrSeconds")).isNull();

        List<List<String>> items = items(section(page, "reports"));
        assertThat(items).as("the five newest, newest first; the oldest daily left out").containsExactly(
                List.of("/reports/" + reports.get(5) + ".html", "Weekly report, 2036-02-06 to 2036-02-12",
                        " (2 gap(s))"),
                List.of("/reports/" + reports.get(4) + ".html", "Daily health check, 2036-02-12", " (5 gap(s))"),
                List.of("/reports/" + reports.get(3) + ".html", "Daily health check, 2036-02-12", " (5 gap(s))"),
                List.of("/reports/" + reports.get(2) + ".html", "Daily health check, 2036-02-12", " (5 gap(s))"),
                List.of("/reports/" + reports.get(1) + ".html", "Daily health check, 2036-02-12", " (5 gap(s))"));
        assertThat(as("viewer").queryParam("limit", "5").get("/reports").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).as("GET /reports agrees")
                .containsExactly(reports.get(5), reports.get(4), reports.get(3), reports.get(2), reports.get(1));
        as("viewer").get(items.get(0).get(0)).then().statusCode(200);
    }

    /** Opens an incident, and acknowledges and resolves it so many seconds later when given. */
    private static String incident(EventFeed feed, Instant openedAt, Long acknowledgedAfter, Long resolvedAfter) {
        String id = UUID.randomUUID().toString();
        String title = "dashboard-trend " + id;
        feed.publish(new IncidentOpened(id, "cloudwatch:" + title, title, Severity.P2, "degradation",
                "t-developer-service-production", Map.of(), UUID.randomUUID().toString(), openedAt));
        if (acknowledgedAfter != null) {
            feed.publish(new IncidentAcknowledged(id, "responder", null, openedAt.plusSeconds(acknowledgedAfter)));
        }
        if (resolvedAfter != null) {
            feed.publish(new IncidentResolved(id, "responder", null, openedAt.plusSeconds(resolvedAfter)));
        }
        return id;
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher m = TREND_ROW.matcher(html);
        while (m.find()) {
            rows.add(List.of(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }

    private static List<List<String>> items(String html) {
        List<List<String>> items = new ArrayList<>();
        Matcher m = REPORT_ITEM.matcher(html);
        while (m.find()) {
            items.add(List.of(m.group(1), m.group(2), m.group(3)));
        }
        return items;
    }
}
