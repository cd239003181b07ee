package dev.autopilot.notification.remediation;

import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitRemediationMarker;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.received;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Remediation reacts to the same {@code IncidentOpened} on another topic, so its news may be consumed here before
 * the incident is: it is kept, and applied the moment the incident comes; nothing it says is lost.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class EarlyRemediationNewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @Test
    void newsThatComesBeforeItsIncidentIsInTheFirstPageAndTheApprovalRequestReachesTheOnCall() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        IncidentOpened incident = incident(Severity.P2, "agent-failure");
        String id = incident.incidentId();
        String remediation = UUID.randomUUID().toString();
        String approval = "approval-" + id;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plusSeconds(900);

        publish(topics, new RemediationStarted(remediation, id, "p2-restart-agent", ExecutionMode.LIVE, now));
        publish(topics, new RemediationAwaitingApproval(remediation, id, approval, 2, "restart the agent", expires,
                now));
        awaitRemediationMarker(topics);
        assertThat(notificationsOf(id)).as("nobody to tell before the incident is known").isEmpty();

        publish(topics, incident);

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 2
                && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(notifications).extracting(n -> n.get("kind")).containsExactlyInAnyOrder("PAGE", "REMEDIATION");
        String waiting = "Step 2 (restart the agent) waits for approval until " + expires + ".";
        List<LoggedRequest> slack = received(peers, ChannelPeersResource.SLACK_PATH, id);
        assertThat(slack).hasSize(2);
        assertThat(slack).anySatisfy(page -> assertThat(remediationLineOf(page)).isEqualTo("*Remediation*\n" + waiting));
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, "/approvals/" + approval)).singleElement()
                .satisfies(news -> assertThat(news.getBodyAsString()).contains(waiting));
    }

    /** The text of the page's "Remediation" section, if the message has one. */
    private static String remediationLineOf(LoggedRequest message) throws Exception {
        for (JsonNode block : JSON.readTree(message.getBodyAsString()).path("blocks")) {
            String text = block.path("text").path("text").asText("");
            if (text.startsWith("*Remediation*")) {
                return text;
            }
        }
        return null;
    }
}
