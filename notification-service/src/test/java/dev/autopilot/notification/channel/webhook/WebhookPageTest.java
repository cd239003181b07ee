package dev.autopilot.notification.channel.webhook;

import static dev.autopilot.notification.Pages.attemptsOf;
import static dev.autopilot.notification.Pages.awaitEvent;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.pagesAbout;
import static dev.autopilot.notification.Pages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.notification.InjectWebhookReceiver;
import dev.autopilot.notification.WebhookReceiverResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An opened incident reaches the webhook as a signed JSON page, and the delivery is announced and recorded. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
class WebhookPageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectWebhookReceiver
    WireMockServer webhook;

    @Test
    void anOpenedIncidentIsPostedToTheWebhookSignedAndAnnounced() throws Exception {
        IncidentOpened incident = incident(Severity.P1, "degradation");
        TopicReader topics = new TopicReader(kafka);

        publish(topics, incident);

        Map<String, Object> notification = awaitOnly(incident.incidentId(), "SENT");
        String deliveryId = (String) notification.get("id");
        List<LoggedRequest> pages = pagesAbout(webhook, incident.incidentId());
        assertThat(pages).hasSize(1);
        LoggedRequest page = pages.get(0);
        assertThat(page.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(page.getHeader("Idempotency-Key")).isEqualTo(deliveryId);
        String timestamp = page.getHeader("X-Autopilot-Timestamp");
        assertThat(timestamp).matches("[0-9]{10}");
        assertThat(page.getHeader("X-Autopilot-Signature"))
                .isEqualTo("sha256=" + hmacSha256(WebhookReceiverResource.SECRET, timestamp + "." + page.getBodyAsString()));
        ObjectMapper json = new ObjectMapper();
        String id = incident.incidentId();
        assertThat(json.readTree(page.getBodyAsString())).isEqualTo(json.readTree("""
                {
                  "deliveryId": "%s",
                  "incidentId": "%s",
                  "title": "%s",
                  "severity": "P1",
                  "type": "degradation",
                  "service": "t-developer-service-production",
                  "openedAt": "%s",
                  "recipient": {"name": "#t-developer-ops", "role": "Operations channel"},
                  "escalationStep": 1,
                  "summary": "[P1] degradation on t-developer-service-production: %s",
                  "links": {
                    "acknowledge": "http://localhost:8081/incidents/%s/acknowledge",
                    "timeline": "http://localhost:8083/incidents/%s/timeline"
                  }
                }
                """.formatted(deliveryId, id, incident.title(), incident.openedAt(), incident.title(), id, id)));

        assertThat(notification).containsEntry("incidentId", id).containsEntry("channel", "webhook")
                .containsEntry("policy", "p1").containsEntry("escalationStep", 1)
                .containsEntry("severity", "P1").containsEntry("incidentTitle", incident.title())
                .containsEntry("recipient", Map.of("contact", "ops-channel", "name", "#t-developer-ops",
                        "role", "Operations channel"));
        assertThat(notification.get("sentAt")).isNotNull();
        assertThat(notification.get("nextAttemptAt")).isNull();
        assertThat(attemptsOf(notification)).singleElement().satisfies(attempt -> assertThat(attempt)
                .containsEntry("number", 1).containsEntry("outcome", "DELIVERED").containsEntry("httpStatus", 202));

        NotificationSent sent = awaitEvent(topics, NotificationSent.class, id);
        assertThat(sent.notificationId()).isEqualTo(deliveryId);
        assertThat(sent.channel()).isEqualTo("webhook");
        assertThat(sent.recipient()).isEqualTo("#t-developer-ops");
        assertThat(sent.escalationStep()).isEqualTo(1);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void aTotalOutagePagesTheDevOpsLeadAndTheOpsChannel() {
        IncidentOpened incident = incident(Severity.P0, "outage");

        publish(new TopicReader(kafka), incident);

        List<Map<String, Object>> notifications = awaitNotifications(incident.incidentId(),
                list -> list.size() == 2 && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(notifications).extracting(n -> n.get("recipient"))
                .containsExactlyInAnyOrder(
                        Map.of("contact", "devops-lead", "name", "Kim Gaebal", "role", "DevOps Lead"),
                        Map.of("contact", "ops-channel", "name", "#t-developer-ops", "role", "Operations channel"));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> bodies = pagesAbout(webhook, incident.incidentId()).stream()
                .map(page -> read(json, page.getBodyAsString())).toList();
        assertThat(bodies).extracting(body -> body.path("recipient").path("role").asText())
                .containsExactlyInAnyOrder("DevOps Lead", "Operations channel");
        assertThat(bodies).extracting(body -> body.path("summary").asText())
                .containsOnly("[P0] outage on t-developer-service-production: " + incident.title());
    }

    private static JsonNode read(ObjectMapper json, String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("the page is not JSON: " + body, e);
        }
    }

    /** What a receiver computes to check the signature. */
    private static String hmacSha256(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
