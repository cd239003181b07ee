package dev.autopilot.notification.channel.sns;

import static dev.autopilot.notification.Pages.acknowledgeLink;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.form;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.published;
import static dev.autopilot.notification.Pages.snsAccepts;
import static dev.autopilot.notification.Pages.to;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.Pages;
import dev.autopilot.notification.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.restassured.http.ContentType;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A security incident in office hours: the security officer gets an SMS through SNS (awsQuery, against the AWS
 * stub), management an email over SMTP (a real SMTP server). The bodies are what the peers received.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class SnsAndEmailPageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    GreenMail smtp;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void theSecurityOfficerGetsAnSmsAndManagementAnEmail() throws Exception {
        snsAccepts(aws);
        clock.freezeAt(clock.next(DayOfWeek.TUESDAY, LocalTime.of(11, 0), ZoneId.of("Asia/Seoul")));
        Instant t0 = clock.instant();
        IncidentOpened incident = incident(Severity.P1, "security");
        String id = incident.incidentId();
        String headline = "[P1] security on t-developer-service-production: " + incident.title();

        publish(new TopicReader(kafka), incident);

        List<Map<String, Object>> sent = awaitNotifications(id, list -> list.size() == 2
                && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(to(sent, "security-officer").get(0)).containsEntry("channel", "sns");
        assertThat(to(sent, "management").get(0)).containsEntry("channel", "email");

        assertThat(published(aws, id)).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase(
                    "application/x-www-form-urlencoded; charset=utf-8");
            assertThat(form(request.getBodyAsString())).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Action", "Publish",
                    "Version", "2010-03-31",
                    "PhoneNumber", "+821000000004",
                    "Message", headline + "\nAck: " + acknowledgeLink(id, "security-officer", t0),
                    "MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType",
                    "MessageAttributes.entry.1.Value.DataType", "String",
                    "MessageAttributes.entry.1.Value.StringValue", "Transactional"));
        });

        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(id)).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("management@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("autopilot@example.com");
        assertThat(mail.getSubject()).isEqualTo(headline);
        assertThat(mail.getHeader("X-Autopilot-Delivery-Id")).containsExactly((String) to(sent, "management").get(0)
                .get("id"));
        assertThat(Pages.mailText(mail)).isEqualTo("""
                %s
                No remediation has reported yet.

                Acknowledge: %s
                Timeline: http://127.0.0.1:8083/incidents/%s/timeline

                --\s
                Runbook Autopilot, message %s""".formatted(headline, acknowledgeLink(id, "management", t0), id,
                to(sent, "management").get(0).get("id")));
    }

    @Test
    void aMessageToATopicCarriesASubjectAndARefusalIsFinal() {
        snsAccepts(aws);
        int publishedBefore = published(aws, "reaches SNS alerts topic").size();
        String accepted = as("admin").contentType(ContentType.JSON).body("{\"contact\": \"alerts-topic\"}")
                .post("/notifications/test").then().statusCode(202).extract().jsonPath().getString("id");
        await().atMost(Pages.PATIENCE).until(() -> as("viewer").get("/notifications/{id}", accepted).then()
                .extract().jsonPath().getString("status"), "SENT"::equals);
        assertThat(published(aws, "reaches SNS alerts topic")).hasSize(publishedBefore + 1).allSatisfy(request ->
                assertThat(form(request.getBodyAsString())).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Action", "Publish",
                        "Version", "2010-03-31",
                        "TopicArn", "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production",
                        "Subject", "Test message from Runbook Autopilot, sent by admin",
                        "Message", "Test message from Runbook Autopilot, sent by admin\n"
                                + "If you read this, sns reaches SNS alerts topic.")));

        StubMapping refusing = aws.stubFor(post(urlPathEqualTo("/")).atPriority(1).withRequestBody(containing("TopicArn"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody(
                        "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not "
                                + "exist</Message></Error><RequestId>r-1</RequestId></ErrorResponse>")));
        try {
            String refused = as("admin").contentType(ContentType.JSON).body("{\"contact\": \"alerts-topic\"}")
                    .post("/notifications/test").then().statusCode(202).extract().jsonPath().getString("id");
            await().atMost(Pages.PATIENCE).until(() -> as("viewer").get("/notifications/{id}", refused).then()
                    .extract().jsonPath().getString("status"), "FAILED"::equals);
            as("viewer").get("/notifications/{id}", refused).then()
                    .body("reason", equalTo("SNS refused: NotFound (HTTP 404)"))
                    .body("attempts.size()", equalTo(1)).body("attempts[0].outcome", equalTo("PERMANENT"));
        } finally {
            aws.removeStub(refusing);
        }
    }

    @Test
    void aThrottledPublishIsRetriedAndThenSent() {
        snsAccepts(aws);
        // throttled three times in a row: the SDK's own attempts (autopilot.aws.max-attempts=3) are spent, so the
        // delivery is retried by the dispatcher, and its second attempt finds SNS calm again
        List<String> states = List.of(Scenario.STARTED, "throttled twice", "throttled thrice", "calm");
        List<StubMapping> throttling = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            throttling.add(aws.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                    .withRequestBody(containing("TopicArn")).inScenario("sns-throttling")
                    .whenScenarioStateIs(states.get(i)).willSetStateTo(states.get(i + 1))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
                            "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                                    + "</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"))));
        }
        int publishedBefore = published(aws, "reaches SNS alerts topic").size();
        try {
            String id = as("admin").contentType(ContentType.JSON).body("{\"contact\": \"alerts-topic\"}")
                    .post("/notifications/test").then().statusCode(202).extract().jsonPath().getString("id");
            await().atMost(Pages.PATIENCE).until(() -> as("viewer").get("/notifications/{id}", id).then()
                    .extract().jsonPath().getString("status"), "SENT"::equals);
            as("viewer").get("/notifications/{id}", id).then()
                    .body("attempts.outcome", equalTo(List.of("RETRYABLE", "DELIVERED")))
                    .body("attempts[0].httpStatus", equalTo(400))
                    .body("attempts[0].detail", equalTo("SNS refused: Throttling (HTTP 400)"));
            assertThat(published(aws, "reaches SNS alerts topic")).as("three throttled, then the one accepted")
                    .hasSize(publishedBefore + 4);
        } finally {
            throttling.forEach(aws::removeStub);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
