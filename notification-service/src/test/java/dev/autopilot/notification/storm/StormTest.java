package dev.autopilot.notification.storm;

import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.pagesAbout;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.received;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.TestClock;
import dev.autopilot.notification.delivery.DeliveryDispatcher;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Storm control: past the threshold (60 incidents in a minute in tests) each destination gets one summary per
 * minute instead of a page per incident; a flapping incident does not page again.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class StormTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @Inject
    TestClock clock;

    @Inject
    DeliveryDispatcher dispatcher;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void pastTheThresholdPagesAreHeldAndOneSummaryCarriesThem() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES).plusSeconds(10));
        List<IncidentOpened> storm = IntStream.range(0, 63).mapToObj(i -> incident(Severity.P3, "marker")).toList();
        try {
            for (IncidentOpened incident : storm) {
                publish(topics, incident);
            }
            for (IncidentOpened incident : storm.subList(0, 60)) {
                awaitOnly(incident.incidentId(), "SENT");
            }
            List<Map<String, Object>> held = storm.subList(60, 63).stream()
                    .map(incident -> awaitOnly(incident.incidentId(), "SUPPRESSED")).toList();
            assertThat(held).allSatisfy(page -> assertThat(page).containsEntry("reason", "storm"));
            String summaryId = (String) held.get(0).get("summaryId");
            assertThat(held).extracting(page -> page.get("summaryId")).containsOnly(summaryId);
            NotificationSuppressed suppressed = awaitEvent(topics, NotificationSuppressed.class,
                    storm.get(61).incidentId());
            assertThat(suppressed.reason()).isEqualTo("storm");
            assertThat(as("viewer").get("/notifications/{id}", summaryId).then().statusCode(200).extract()
                    .jsonPath().getString("status")).isEqualTo("PENDING");

            clock.advance(Duration.ofSeconds(50));
            dispatcher.worker().wake();
            Map<String, Object> summary = awaitOnly(
                    as("viewer").get("/notifications/{id}", summaryId).then().extract().jsonPath()
                            .getString("incidentId"), "SENT");

            assertThat(summary).containsEntry("kind", "STORM_SUMMARY").containsEntry("channel", "webhook");
            JsonNode body = new ObjectMapper().readTree(received(peers, ChannelPeersResource.WEBHOOK_PATH, summaryId)
                    .get(0).getBodyAsString());
            assertThat(body.path("kind").asText()).isEqualTo("STORM_SUMMARY");
            assertThat(body.path("summary").asText())
                    .isEqualTo("Incident storm: 3 page(s) held instead of sent one by one");
            assertThat(body.path("detail").asText().split("\n")).containsExactlyInAnyOrder(storm.subList(60, 63)
                    .stream().map(i -> "[P3] marker on t-developer-service-production: " + i.title())
                    .toArray(String[]::new));
            for (IncidentOpened incident : storm.subList(60, 63)) {
                assertThat(pagesAbout(peers, incident.incidentId())).hasSize(1);
            }
        } finally {
            clock.advance(Duration.ofMinutes(10));
        }
    }

    @Test
    void anIncidentReopenedSoonAfterItsPagesIsFlappingAndPagesNobodyAgain() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)));
        Instant t0 = clock.instant();
        IncidentOpened incident = incident(Severity.P3, "marker");
        String id = incident.incidentId();
        publish(topics, incident);
        awaitOnly(id, "SENT");

        clock.advance(Duration.ofMinutes(5));
        publish(topics, new IncidentResolved(id, "detector", "cleared", clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        publish(topics, new IncidentReopened(id, "alarm again", UUID.randomUUID().toString(), clock.instant()));
        awaitNotifications(id, list -> list.stream().anyMatch(n -> "SUPPRESSED".equals(n.get("status"))));
        NotificationSuppressed flapping = awaitEvent(topics, NotificationSuppressed.class, id);
        assertThat(flapping.reason()).isEqualTo("flapping");

        clock.advance(Duration.ofMinutes(25));
        publish(topics, new IncidentResolved(id, "detector", "cleared", clock.instant()));
        publish(topics, new IncidentReopened(id, "alarm once more", UUID.randomUUID().toString(), clock.instant()));

        List<Map<String, Object>> all = awaitNotifications(id, list -> list.stream()
                .filter(n -> "PAGE".equals(n.get("kind")) && "SENT".equals(n.get("status"))).count() == 2);
        assertThat(all).extracting(n -> n.get("kind") + " " + n.get("status")).containsExactlyInAnyOrder(
                "PAGE SENT", "RESOLVED SENT", "PAGE SUPPRESSED", "PAGE SENT");
        assertThat(t0).isBefore(clock.instant());
        assertThat(notificationsOf(id)).hasSize(4);
    }

    @Test
    void anIncidentPagesNoMoreThanItsCap() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)));
        IncidentOpened incident = incident(Severity.P3, "marker");
        String id = incident.incidentId();
        publish(topics, incident);
        for (int round = 1; round <= 6; round++) {
            long pages = round;
            awaitNotifications(id, list -> list.stream().filter(n -> "PAGE".equals(n.get("kind"))
                    && "SENT".equals(n.get("status"))).count() == pages);
            clock.advance(Duration.ofMinutes(31));
            publish(topics, new IncidentResolved(id, "detector", "cleared", clock.instant()));
            publish(topics, new IncidentReopened(id, "again", UUID.randomUUID().toString(), clock.instant()));
        }

        Map<String, Object> capped = awaitNotifications(id, list -> list.stream()
                .anyMatch(n -> "SUPPRESSED".equals(n.get("status")))).stream()
                .filter(n -> "SUPPRESSED".equals(n.get("status"))).findFirst().orElseThrow();
        assertThat(capped).containsEntry("reason", "page-cap").containsEntry("kind", "PAGE");
        assertThat(awaitEvent(topics, NotificationSuppressed.class, id).reason()).isEqualTo("page-cap");
        assertThat(pagesAbout(peers, id)).filteredOn(r -> r.getBodyAsString().contains("\"kind\":\"PAGE\""))
                .hasSize(6);
    }
}
