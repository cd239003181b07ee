package dev.autopilot.notification.channel.pagerduty;

import static dev.autopilot.notification.Pages.acknowledgeLink;
import static dev.autopilot.notification.Pages.answer;
import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.received;
import static dev.autopilot.notification.Pages.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.Fixtures;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.JsonShapes;
import dev.autopilot.notification.Pages;
import dev.autopilot.notification.TestClock;
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
import java.util.Set;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DevOps Lead on PagerDuty (Events API v2): a P0 triggers an alert keyed by the incident, an acknowledgement
 * acknowledges it, a resolution resolves it (and the ops channel is told on Slack); a refused event is final.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class PagerDutyPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @Inject
    TestClock clock;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void aP0TriggersAcknowledgesAndResolvesOneAlertKeyedByTheIncident() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        Instant t0 = clock.instant();
        IncidentOpened incident = incident(Severity.P0, "outage");
        String id = incident.incidentId();

        publish(topics, incident);
        awaitNotifications(id, list -> list.size() == 2 && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(body(events(id).get(0))).isEqualTo(JSON.readTree("""
                {
                  "payload": {
                    "summary": "[P0] outage on t-developer-service-production: %1$s",
                    "source": "t-developer-service-production",
                    "severity": "critical",
                    "timestamp": "%2$s",
                    "class": "outage",
                    "custom_details": {
                      "incident_id": "%3$s",
                      "escalation_step": 1,
                      "recipient": "DevOps Lead",
                      "remediation": "No remediation has reported yet."
                    }
                  },
                  "routing_key": "%4$s",
                  "dedup_key": "%3$s",
                  "event_action": "trigger",
                  "client": "Runbook Autopilot",
                  "client_url": "http://127.0.0.1:8083/incidents/%3$s/timeline",
                  "links": [
                    {"href": "%5$s", "text": "Acknowledge"},
                    {"href": "http://127.0.0.1:8083/incidents/%3$s/timeline", "text": "Timeline"}
                  ]
                }
                """.formatted(incident.title(), incident.openedAt(), id, ChannelPeersResource.PAGERDUTY_ROUTING_KEY,
                acknowledgeLink(id, "devops-lead", t0))));
        assertThat(JsonShapes.undocumented(body(events(id).get(0)), JSON.readTree(Fixtures.text(
                "payloads/pagerduty-events-v2-trigger.pagerduty-api-schema.json")), Set.of("/payload/custom_details")))
                .as("every field is one PagerDuty's documented trigger has, with the same kind of value").isEmpty();

        publish(topics, new IncidentAcknowledged(id, "responder", "looking", t0));
        awaitNotifications(id, list -> to(list, "devops-lead").size() == 2
                && to(list, "devops-lead").stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(body(events(id).get(1))).isEqualTo(fixture("acknowledge", id));

        clock.advance(Duration.ofSeconds(1));
        publish(topics, new IncidentResolved(id, "detector", "signal cleared", t0.plusSeconds(1)));
        List<Map<String, Object>> all = awaitNotifications(id, list -> list.size() == 5
                && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(all).extracting(n -> n.get("kind"), Pages::contactOf, n -> n.get("channel"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PAGE", "devops-lead", "pagerduty"),
                        org.assertj.core.groups.Tuple.tuple("PAGE", "ops-channel", "slack"),
                        org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGED", "devops-lead", "pagerduty"),
                        org.assertj.core.groups.Tuple.tuple("RESOLVED", "devops-lead", "pagerduty"),
                        org.assertj.core.groups.Tuple.tuple("RESOLVED", "ops-channel", "slack"));
        assertThat(events(id)).hasSize(3);
        assertThat(body(events(id).get(2))).isEqualTo(fixture("resolve", id));
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, id)).hasSize(2)
                .anySatisfy(message -> assertThat(message.getBodyAsString()).contains(
                        "Resolved: [P0] outage", "Resolved by detector: signal cleared"));
    }

    @Test
    void anEventPagerDutyRefusesFailsAtOnce() {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = incident(Severity.P0, "outage");
        answer(peers, ChannelPeersResource.PAGERDUTY_PATH, incident.incidentId(), 400);

        publish(topics, incident);

        NotificationFailed failed = awaitEvent(topics, NotificationFailed.class, incident.incidentId());
        assertThat(failed.channel()).isEqualTo("pagerduty");
        assertThat(failed.reason()).isEqualTo("HTTP 400 from PagerDuty");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(events(incident.incidentId())).hasSize(1);
    }

    /** The events PagerDuty received about the incident, oldest first. */
    private List<LoggedRequest> events(String incidentId) {
        return received(peers, ChannelPeersResource.PAGERDUTY_PATH, incidentId).stream()
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    /** PagerDuty's documented acknowledge or resolve event, with our routing key and the incident as dedup key. */
    private static JsonNode fixture(String action, String incidentId) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.text("payloads/pagerduty-events-v2-" + action
                + ".pagerduty-developer-docs.json"));
        return event.put("routing_key", ChannelPeersResource.PAGERDUTY_ROUTING_KEY).put("dedup_key", incidentId);
    }
}
