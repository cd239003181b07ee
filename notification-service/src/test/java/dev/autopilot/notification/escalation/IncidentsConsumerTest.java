package dev.autopilot.notification.escalation;

import static dev.autopilot.notification.Pages.PATIENCE;
import static dev.autopilot.notification.Pages.awaitMarker;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.received;
import static dev.autopilot.notification.Pages.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.support.messaging.DeadLetters;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The consumer of incidents.v1 fed raw records: redeliveries, repeats and poison never page twice or stop it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class IncidentsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer webhook;

    @Test
    void aRedeliveredIncidentPagesOnce() {
        IncidentOpened incident = incident(Severity.P1, "degradation");
        String eventId = UUID.randomUUID().toString();
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident, eventId);
        publish(topics, incident, eventId);
        awaitMarker(topics);

        awaitOnly(incident.incidentId(), "SENT");
        assertThat(received(webhook, ChannelPeersResource.SLACK_PATH, incident.incidentId())).hasSize(1);
    }

    @Test
    void anIncidentOpenedAgainDoesNotPageTheSameStepAgain() {
        IncidentOpened incident = incident(Severity.P0, "outage");
        IncidentOpened again = new IncidentOpened(incident.incidentId(), incident.fingerprint(), incident.title(),
                Severity.P0, "outage", incident.service(), incident.labels(), UUID.randomUUID().toString(),
                Instant.now());
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident);
        publish(topics, again);
        awaitMarker(topics);

        assertThat(awaitNotifications(incident.incidentId(), list -> list.stream()
                .allMatch(n -> "SENT".equals(n.get("status"))))).hasSize(2)
                .extracting(n -> (Object) ((Map<?, ?>) n.get("recipient")).get("contact"))
                .containsExactlyInAnyOrder("devops-lead", "ops-channel");
        assertThat(received(webhook, ChannelPeersResource.SLACK_PATH, incident.incidentId())).hasSize(1);
        assertThat(received(webhook, ChannelPeersResource.PAGERDUTY_PATH, incident.incidentId())).hasSize(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextIncidentIsStillPaged() {
        String poisonKey = UUID.randomUUID().toString();
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened good = incident(Severity.P3, "marker");

        topics.write(Topics.INCIDENTS, poisonKey, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, "IncidentOpened", CloudEventHeaders.SOURCE, "/autopilot/detector"),
                "{\"incidentId\": [\"not\", \"a\", \"string\"], \"openedAt\": ".getBytes(StandardCharsets.UTF_8));
        topics.write(Topics.INCIDENTS, poisonKey, Map.of(), "no CloudEvents headers".getBytes(StandardCharsets.UTF_8));
        publish(topics, good);

        awaitOnly(good.incidentId(), "SENT");
        await().atMost(PATIENCE).untilAsserted(() -> {
            var dead = topics.records(Topics.deadLetter(Topics.INCIDENTS, "notification")).stream()
                    .filter(r -> poisonKey.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.REASON))
                    .anySatisfy(reason -> assertThat(reason).contains("not a valid IncidentOpened"))
                    .anySatisfy(reason -> assertThat(reason).contains("missing CloudEvents header"));
        });
        assertThat(notificationsOf(poisonKey)).isEmpty();
    }
}
