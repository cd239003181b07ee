package dev.autopilot.notification.delivery;

import static dev.autopilot.notification.Pages.answer;
import static dev.autopilot.notification.Pages.attemptsOf;
import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitMarker;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.pagesAbout;
import static dev.autopilot.notification.Pages.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.TestClock;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the service does when the webhook fails: retry what may pass, give up on what will not, stop when told. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class RetryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer webhook;

    @Inject
    TestClock clock;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void aServerErrorIsRetriedAndThePageDeliveredOnTheSecondAttempt() {
        IncidentOpened incident = incident(Severity.P3, "marker");
        answer(webhook, incident.incidentId(), 500, 200);
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident);

        Map<String, Object> notification = awaitOnly(incident.incidentId(), "SENT");
        assertThat(attemptsOf(notification)).extracting(a -> a.get("number"), a -> a.get("outcome"),
                a -> a.get("httpStatus")).containsExactly(
                        tuple(1, "RETRYABLE", 500),
                        tuple(2, "DELIVERED", 200));
        List<LoggedRequest> pages = pagesAbout(webhook, incident.incidentId());
        assertThat(pages).hasSize(2);
        assertThat(pages).extracting(page -> page.getHeader("Idempotency-Key"))
                .containsOnly((String) notification.get("id"));
        NotificationSent sent = awaitEvent(topics, NotificationSent.class, incident.incidentId());
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aClientErrorFailsAtOnceWithoutRetrying() {
        IncidentOpened incident = incident(Severity.P3, "marker");
        answer(webhook, incident.incidentId(), 400);
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident);

        Map<String, Object> notification = awaitOnly(incident.incidentId(), "FAILED");
        assertThat(notification).containsEntry("reason", "HTTP 400 from the webhook");
        assertThat(attemptsOf(notification)).singleElement().satisfies(attempt -> assertThat(attempt)
                .containsEntry("outcome", "PERMANENT").containsEntry("httpStatus", 400));
        NotificationFailed failed = awaitEvent(topics, NotificationFailed.class, incident.incidentId());
        assertThat(failed.notificationId()).isEqualTo(notification.get("id"));
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.recipient()).isEqualTo("Test receiver");
        assertThat(failed.reason()).isEqualTo("HTTP 400 from the webhook");
        awaitMarker(topics);
        assertThat(pagesAbout(webhook, incident.incidentId())).hasSize(1);
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        IncidentOpened incident = incident(Severity.P3, "marker");
        answer(webhook, incident.incidentId(), 503);
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident);

        Map<String, Object> notification = awaitOnly(incident.incidentId(), "FAILED");
        assertThat(attemptsOf(notification)).hasSize(3).extracting(a -> a.get("outcome")).containsOnly("RETRYABLE");
        assertThat((String) notification.get("reason")).isEqualTo("HTTP 503 from the webhook (gave up after 3 attempts)");
        NotificationFailed failed = awaitEvent(topics, NotificationFailed.class, incident.incidentId());
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(pagesAbout(webhook, incident.incidentId())).hasSize(3);
    }

    @Test
    void anAcknowledgementCancelsAPageWaitingForItsRetry() {
        IncidentOpened incident = incident(Severity.P3, "marker");
        stopsTheRetry(incident, new IncidentAcknowledged(incident.incidentId(), "responder", "on it", Instant.now()),
                "incident acknowledged by responder");
    }

    @Test
    void aResolutionCancelsAPageWaitingForItsRetry() {
        IncidentOpened incident = incident(Severity.P3, "marker");
        stopsTheRetry(incident, new IncidentResolved(incident.incidentId(), "detector", "signal cleared", Instant.now()),
                "incident resolved by detector");
    }

    /** The first attempt fails; with time frozen the retry cannot come due before the news that stops it. */
    private void stopsTheRetry(IncidentOpened incident, IncidentEvent news, String reason) {
        answer(webhook, incident.incidentId(), 503, 200);
        TopicReader topics = new TopicReader(kafka);
        clock.freeze();

        publish(topics, incident);
        Map<String, Object> waiting = awaitNotifications(incident.incidentId(), list -> list.size() == 1
                && attemptsOf(list.get(0)).size() == 1).get(0);
        assertThat(waiting).containsEntry("status", "PENDING");
        assertThat(waiting.get("nextAttemptAt")).isNotNull();

        publish(topics, news);
        Map<String, Object> cancelled = awaitOnly(incident.incidentId(), "CANCELLED");
        clock.unfreeze();
        awaitMarker(topics);

        assertThat(cancelled).containsEntry("reason", reason);
        assertThat(cancelled.get("cancelledAt")).isNotNull();
        assertThat(attemptsOf(awaitOnly(incident.incidentId(), "CANCELLED"))).hasSize(1);
        assertThat(pagesAbout(webhook, incident.incidentId())).hasSize(1);
        assertThat(new TopicReader(kafka).events(Topics.NOTIFICATIONS, NotificationSent.class))
                .noneMatch(e -> e.incidentId().equals(incident.incidentId()));
    }
}
