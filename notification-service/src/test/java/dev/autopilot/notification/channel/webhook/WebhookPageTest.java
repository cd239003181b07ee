package dev.autopilot.notification.channel.webhook;

import static dev.autopilot.notification.Pages.attemptsOf;
import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.pagesAbout;
import static dev.autopilot.notification.Pages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.TestClock;
import dev.autopilot.support.links.SignedLinks;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A page reaches the generic webhook as signed JSON, with a signed acknowledge link, and is announced. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class WebhookPageTest {

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
    void aPageIsPostedToTheWebhookSignedWithAnAcknowledgeLinkAndAnnounced() throws Exception {
        IncidentOpened incident = incident(Severity.P3, "marker");
        TopicReader topics = new TopicReader(kafka);
        clock.freeze();
        Instant sentAt = clock.instant();

        publish(topics, incident);

        Map<String, Object> notification = awaitOnly(incident.incidentId(), "SENT");
        String deliveryId = (String) notification.get("id");
        List<LoggedRequest> pages = pagesAbout(peers, incident.incidentId());
        assertThat(pages).hasSize(1);
        LoggedRequest page = pages.get(0);
        assertThat(page.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(page.getHeader("Idempotency-Key")).isEqualTo(deliveryId);
        String timestamp = page.getHeader("X-Autopilot-Timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(sentAt.getEpochSecond()));
        assertThat(page.getHeader("X-Autopilot-Signature")).isEqualTo("sha256="
                + hmacSha256(ChannelPeersResource.WEBHOOK_SECRET, timestamp + "." + page.getBodyAsString()));
        String id = incident.incidentId();
        String token = new SignedLinks(ChannelPeersResource.LINKS_SECRET)
                .sign(List.of("acknowledge", id, "test-receiver"), sentAt.plus(Duration.ofHours(24)));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(page.getBodyAsString())).isEqualTo(json.readTree("""
                {
                  "deliveryId": "%s",
                  "kind": "PAGE",
                  "incidentId": "%s",
                  "title": "%s",
                  "severity": "P3",
                  "type": "marker",
                  "service": "t-developer-service-production",
                  "openedAt": "%s",
                  "recipient": {"name": "Test receiver", "role": "Test receiver"},
                  "escalationStep": 1,
                  "summary": "[P3] marker on t-developer-service-production: %s",
                  "detail": "No remediation has reported yet.",
                  "links": {
                    "acknowledge": "http://127.0.0.1:8081/ack/%s",
                    "timeline": "http://127.0.0.1:8083/incidents/%s/timeline"
                  }
                }
                """.formatted(deliveryId, id, incident.title(), incident.openedAt(), incident.title(), token, id)));
        assertThat(new SignedLinks(ChannelPeersResource.LINKS_SECRET).verify(token, sentAt).orElseThrow().fields())
                .containsExactly("acknowledge", id, "test-receiver");

        assertThat(notification).containsEntry("incidentId", id).containsEntry("channel", "webhook")
                .containsEntry("kind", "PAGE").containsEntry("policy", "marker").containsEntry("escalationStep", 1)
                .containsEntry("severity", "P3").containsEntry("incidentTitle", incident.title())
                .containsEntry("recipient", Map.of("contact", "test-receiver", "name", "Test receiver",
                        "role", "Test receiver"));
        assertThat(notification.get("sentAt")).isNotNull();
        assertThat(notification.get("nextAttemptAt")).isNull();
        assertThat(attemptsOf(notification)).singleElement().satisfies(attempt -> assertThat(attempt)
                .containsEntry("number", 1).containsEntry("outcome", "DELIVERED").containsEntry("httpStatus", 202));

        NotificationSent sent = awaitEvent(topics, NotificationSent.class, id);
        assertThat(sent.notificationId()).isEqualTo(deliveryId);
        assertThat(sent.channel()).isEqualTo("webhook");
        assertThat(sent.recipient()).isEqualTo("Test receiver");
        assertThat(sent.escalationStep()).isEqualTo(1);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    /** What a receiver computes to check the signature. */
    private static String hmacSha256(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
