package dev.autopilot.notification.channel.slack;

import static dev.autopilot.notification.Pages.acknowledgeLink;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.awaitRemediationMarker;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.received;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.Fixtures;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.JsonShapes;
import dev.autopilot.notification.Pages;
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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ops channel on Slack: Block Kit pages with what remediation is doing and the links to act, reports, and the
 * webhook's rate limit that queues messages rather than dropping them.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class SlackPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void messagesBeyondTheRateLimitWaitTheirTurnAndThePageSaysWhatRemediationIsDoing() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        Instant t0 = clock.instant();
        IncidentOpened first = incident(Severity.P2, "agent-failure");
        IncidentOpened second = incident(Severity.P2, "agent-failure");
        IncidentOpened third = incident(Severity.P2, "agent-failure");

        publish(topics, first);
        awaitOnly(first.incidentId(), "SENT");
        publish(topics, second);
        publish(topics, third);
        publish(topics, new RemediationStarted(UUID.randomUUID().toString(), second.incidentId(),
                "p2-restart-agent", ExecutionMode.DRY_RUN, t0));
        awaitRemediationMarker(topics);
        for (IncidentOpened waiting : List.of(second, third)) {
            assertThat(awaitOnly(waiting.incidentId(), "PENDING")).containsEntry("nextAttemptAt",
                    t0.plusMillis(200).toString()).satisfies(n -> assertThat(Pages.attemptsOf(n)).isEmpty());
        }

        clock.advance(Duration.ofMillis(200));
        dispatcher.worker().wake();
        await().atMost(Pages.PATIENCE).until(() -> statusOf(second) + statusOf(third),
                both -> both.equals("SENTPENDING") || both.equals("PENDINGSENT"));
        IncidentOpened last = statusOf(second).equals("PENDING") ? second : third;
        assertThat(awaitOnly(last.incidentId(), "PENDING")).containsEntry("nextAttemptAt",
                t0.plusMillis(400).toString());
        clock.advance(Duration.ofMillis(200));
        dispatcher.worker().wake();
        awaitOnly(last.incidentId(), "SENT");
        Instant sentAt = Instant.parse((String) awaitOnly(second.incidentId(), "SENT").get("sentAt"));

        String id = second.incidentId();
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, id)).singleElement().satisfies(message ->
                assertThat(JSON.readTree(message.getBodyAsString())).isEqualTo(JSON.readTree("""
                        {
                          "text": "[P2] agent-failure on t-developer-service-production: %1$s",
                          "blocks": [
                            {"type": "header", "text": {"type": "plain_text",
                              "text": "[P2] agent-failure on t-developer-service-production: %1$s"}},
                            {"type": "section", "fields": [
                              {"type": "mrkdwn", "text": "*Severity*\\nP2"},
                              {"type": "mrkdwn", "text": "*Service*\\nt-developer-service-production"},
                              {"type": "mrkdwn", "text": "*Type*\\nagent-failure"},
                              {"type": "mrkdwn", "text": "*Escalation step*\\n1"}]},
                            {"type": "section", "text": {"type": "mrkdwn",
                              "text": "*Remediation*\\nPlaybook p2-restart-agent running (DRY_RUN)."}},
                            {"type": "actions", "elements": [
                              {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                               "url": "%2$s", "action_id": "acknowledge", "style": "primary"},
                              {"type": "button", "text": {"type": "plain_text", "text": "Timeline"},
                               "url": "http://127.0.0.1:8083/incidents/%3$s/timeline", "action_id": "timeline"}]}
                          ]
                        }
                        """.formatted(second.title(), acknowledgeLink(id, "ops-channel", sentAt), id))));
        // the documented examples show sections (with text, with fields) and buttons; the header and actions
        // blocks have none among them, and their exact bodies are asserted above
        ObjectNode documented = (ObjectNode) JSON.readTree(Fixtures.text(
                "payloads/slack-incoming-webhook-blocks.slack-github-action.json"));
        documented.withArray("blocks").addAll((ArrayNode) JSON.readTree(Fixtures.text(
                "payloads/slack-incoming-webhook-blocks-review.slack-github-action.json")).get("blocks"));
        ObjectNode sent = (ObjectNode) JSON.readTree(received(peers, ChannelPeersResource.SLACK_PATH, id).get(0)
                .getBodyAsString());
        ArrayNode sections = JSON.createArrayNode();
        sent.get("blocks").forEach(block -> {
            if (block.path("type").asText().equals("section")) {
                sections.add(block);
            }
        });
        sent.set("blocks", sections);
        assertThat(sections).hasSize(2);
        assertThat(JsonShapes.undocumented(sent, documented, Set.of()))
                .as("every field is one Slack's documented messages have, with the same kind of value").isEmpty();
        for (IncidentOpened incident : List.of(first, second, third)) {
            assertThat(received(peers, ChannelPeersResource.SLACK_PATH, incident.incidentId())).hasSize(1);
        }
    }

    @Test
    void aThrottledMessageWaitsAsLongAsSlackAsks() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        IncidentOpened incident = incident(Severity.P2, "agent-failure");
        peers.stubFor(post(urlPathEqualTo(ChannelPeersResource.SLACK_PATH)).atPriority(1)
                .withRequestBody(containing(incident.incidentId())).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("rate_limited")));

        publish(topics, incident);

        Map<String, Object> waiting = awaitNotifications(incident.incidentId(),
                list -> !list.isEmpty() && Pages.attemptsOf(list.get(0)).size() == 1).get(0);
        assertThat(waiting).containsEntry("status", "PENDING")
                .containsEntry("nextAttemptAt", clock.instant().plusSeconds(30).toString())
                .containsEntry("reason", "HTTP 429 from Slack");
        clock.advance(Duration.ofSeconds(30));
        dispatcher.worker().wake();
        assertThat(Pages.attemptsOf(awaitOnly(incident.incidentId(), "SENT")))
                .extracting(a -> a.get("httpStatus")).containsExactly(429, 200);
    }

    @Test
    void aContactWithASlackAddressIsMentionedInTheMessage() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        IncidentOpened incident = incident(Severity.P3, "mention");
        String id = incident.incidentId();

        publish(topics, incident);

        Map<String, Object> page = awaitOnly(id, "SENT");
        assertThat(page).containsEntry("channel", "slack").containsEntry("policy", "mention");
        assertThat(Pages.contactOf(page)).isEqualTo("slack-mention");
        Instant sentAt = Instant.parse((String) page.get("sentAt"));
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, id)).singleElement().satisfies(message ->
                assertThat(JSON.readTree(message.getBodyAsString())).isEqualTo(JSON.readTree("""
                        {
                          "text": "<@U024BE7LH> [P3] mention on t-developer-service-production: %1$s",
                          "blocks": [
                            {"type": "header", "text": {"type": "plain_text",
                              "text": "[P3] mention on t-developer-service-production: %1$s"}},
                            {"type": "section", "text": {"type": "mrkdwn", "text": "<@U024BE7LH> you are paged"}},
                            {"type": "section", "fields": [
                              {"type": "mrkdwn", "text": "*Severity*\\nP3"},
                              {"type": "mrkdwn", "text": "*Service*\\nt-developer-service-production"},
                              {"type": "mrkdwn", "text": "*Type*\\nmention"},
                              {"type": "mrkdwn", "text": "*Escalation step*\\n1"}]},
                            {"type": "section", "text": {"type": "mrkdwn",
                              "text": "*Remediation*\\nNo remediation has reported yet."}},
                            {"type": "actions", "elements": [
                              {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                               "url": "%2$s", "action_id": "acknowledge", "style": "primary"},
                              {"type": "button", "text": {"type": "plain_text", "text": "Timeline"},
                               "url": "http://127.0.0.1:8083/incidents/%3$s/timeline", "action_id": "timeline"}]}
                          ]
                        }
                        """.formatted(incident.title(), acknowledgeLink(id, "slack-mention", sentAt), id))));
    }

    private static String statusOf(IncidentOpened incident) {
        return (String) Pages.notificationsOf(incident.incidentId()).get(0).get("status");
    }

    @Test
    void aPublishedReportIsPostedToTheOpsChannelWithItsLink() throws Exception {
        String reportId = UUID.randomUUID().toString();
        Instant now = Instant.parse("2026-11-26T00:00:05Z");
        publish(new TopicReader(kafka), new ReportPublished(reportId, "daily", "Daily health check " + reportId,
                now.minus(Duration.ofDays(1)), now, "ECS service ACTIVE, 2/2 tasks running; 0 alarms in ALARM.",
                "http://127.0.0.1:8083/reports/" + reportId, List.of("cloudwatch-logs"), now));

        Map<String, Object> posted = awaitOnly("report:" + reportId, "SENT");

        assertThat(posted).containsEntry("kind", "REPORT").containsEntry("channel", "slack");
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, reportId)).singleElement().satisfies(message ->
                assertThat(JSON.readTree(message.getBodyAsString())).isEqualTo(JSON.readTree("""
                        {
                          "text": "Daily health check %1$s",
                          "blocks": [
                            {"type": "header", "text": {"type": "plain_text", "text": "Daily health check %1$s"}},
                            {"type": "section", "text": {"type": "mrkdwn", "text":
                              "ECS service ACTIVE, 2/2 tasks running; 0 alarms in ALARM.\\nGaps (sources that failed): cloudwatch-logs"}},
                            {"type": "actions", "elements": [
                              {"type": "button", "text": {"type": "plain_text", "text": "Open report"},
                               "url": "http://127.0.0.1:8083/reports/%1$s", "action_id": "action"}]}
                          ]
                        }
                        """.formatted(reportId))));
    }
}
