package dev.autopilot.notification.channel;

import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitMarker;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.pagesAbout;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.published;
import static dev.autopilot.notification.Pages.to;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service running with a channel that lacks its settings (SNS, not enabled): health names what to set; a person
 * whose only channel it is gets no page but a SUPPRESSED record and {@code NotificationSuppressed
 * (channel-unconfigured)}; a person with a configured channel after it is paged there, and the skip is counted. The
 * {@code sms-first} policy (application.properties, {@code %test}) pages both.
 */
@QuarkusTest
@TestProfile(ChannelUnconfiguredTest.WithoutSns.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class ChannelUnconfiguredTest {

    /** The test configuration with SNS switched off: the one change, so the rest is as every other test has it. */
    public static class WithoutSns implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.sns.enabled", "false");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISPATCHER = "checks.find { it.name == 'notification dispatcher' }";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void healthReportsTheChannelAsUnconfiguredNamingWhatToSetAndStaysUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(DISPATCHER + ".status", equalTo("UP"))
                .body(DISPATCHER + ".data.'channel sns'",
                        equalTo("unconfigured: set notification.sns.enabled=true (NOTIFICATION_SNS_ENABLED) and AWS"
                                + " credentials"))
                .body(DISPATCHER + ".data.'channel webhook'", equalTo("configured"))
                .body(DISPATCHER + ".data.'channel slack'", equalTo("configured"))
                .body(DISPATCHER + ".data.'channel pagerduty'", equalTo("configured"))
                .body(DISPATCHER + ".data.'channel email'", equalTo("configured"));
    }

    @Test
    void aPersonWhoseOnlyChannelIsUnconfiguredIsRecordedAsSuppressedAndAnnounced() {
        TopicReader topics = new TopicReader(kafka);
        Instant now = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        clock.freezeAt(now);
        double suppressedBefore = metric("autopilot_notifications_suppressed_total", "reason",
                "channel-unconfigured");
        IncidentOpened incident = incident(Severity.P3, "sms-first");
        String id = incident.incidentId();

        publish(topics, incident);

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 2
                && to(list, "sms-then-webhook").stream().anyMatch(n -> "SENT".equals(n.get("status"))));
        Map<String, Object> suppressed = to(notifications, "sms-only").get(0);
        assertThat(to(notifications, "sms-only")).hasSize(1);
        assertThat(suppressed).containsEntry("status", "SUPPRESSED").containsEntry("reason", "channel-unconfigured")
                .containsEntry("channel", "sns").containsEntry("policy", "sms-first")
                .containsEntry("escalationStep", 1).containsEntry("kind", "PAGE")
                .containsEntry("cancelledAt", now.toString());
        NotificationSuppressed event = awaitEvent(topics, NotificationSuppressed.class, id);
        assertThat(event).isEqualTo(new NotificationSuppressed((String) suppressed.get("id"), id, "sns",
                "Text messages only", 1, "channel-unconfigured", now));
        assertThat(metric("autopilot_notifications_suppressed_total", "reason", "channel-unconfigured"))
                .isEqualTo(suppressedBefore + 1);
        assertThat(awaitEvent(topics, NotificationSent.class, id).recipient())
                .isEqualTo("Text messages then the webhook");
        awaitMarker(topics);
        assertThat(published(aws, id)).isEmpty();
        assertThat(topics.events(Topics.NOTIFICATIONS, NotificationSuppressed.class))
                .filteredOn(e -> e.incidentId().equals(id)).hasSize(1);
    }

    @Test
    void aPersonWithAConfiguredChannelAfterTheUnconfiguredOneIsPagedThereAndTheSkipIsCounted() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        double skippedBefore = metric("autopilot_notification_channels_skipped_total", "channel", "sns");
        IncidentOpened incident = incident(Severity.P3, "sms-first");
        String id = incident.incidentId();

        publish(topics, incident);

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 2
                && to(list, "sms-then-webhook").stream().anyMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(to(notifications, "sms-then-webhook")).singleElement().satisfies(page -> assertThat(page)
                .containsEntry("channel", "webhook").containsEntry("status", "SENT").containsEntry("kind", "PAGE")
                .containsEntry("policy", "sms-first").containsEntry("escalationStep", 1));
        assertThat(pagesAbout(peers, id)).singleElement().satisfies(request -> {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.path("recipient").path("name").asText()).isEqualTo("Yoon Hook");
            assertThat(body.path("recipient").path("role").asText()).isEqualTo("Text messages then the webhook");
        });
        NotificationSent sent = awaitEvent(topics, NotificationSent.class, id);
        assertThat(sent.channel()).isEqualTo("webhook");
        assertThat(sent.recipient()).isEqualTo("Text messages then the webhook");
        assertThat(metric("autopilot_notification_channels_skipped_total", "channel", "sns"))
                .isEqualTo(skippedBefore + 1);
        assertThat(published(aws, id)).isEmpty();
        assertThat(notificationsOf(id)).extracting(n -> n.get("channel")).containsExactlyInAnyOrder("sns", "webhook");
    }

    /** A counter's value in /q/metrics, found by one of its labels; 0 before it was first counted. */
    private static double metric(String name, String label, String value) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(line -> line.startsWith(name + "{") && line.contains(label + "=\"" + value + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
