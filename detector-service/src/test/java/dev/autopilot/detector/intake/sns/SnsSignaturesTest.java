package dev.autopilot.detector.intake.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.autopilot.detector.DetectorApi.alarmOfItsOwn;
import static dev.autopilot.detector.DetectorApi.awaitIncidentWithCondition;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SNS messages are SNS's own or refused: signatures, certificates, regions, subscriptions. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SnsSignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Test
    void aTamperedMessageIsRefusedAndRecordedAsASecuritySignal() throws Exception {
        String alarm = "tampered-" + UUID.randomUUID();
        ObjectNode signed = (ObjectNode) JSON.readTree(SnsSigner.sign(alarmOfItsOwn(alarm, "OK", UUID.randomUUID().toString())));
        signed.put("Message", signed.get("Message").asText().replace("\"OK\"", "\"ALARM\""));

        post(signed.toString()).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("not SNS's own"));

        Map<String, Object> incident = awaitIncidentWithCondition("SNS message failed verification for " + SnsSigner.TOPIC);
        assertThat(incident).containsEntry("type", "security");
        assertThat((List<Map<String, Object>>) incident.get("conditions")).anySatisfy(c ->
                assertThat((Map<String, Object>) c.get("labels")).containsEntry("event", "forged-sns-message")
                        .containsKey("remoteAddress"));
    }

    @Test
    void aMessageFromAnotherRegionOrAnotherHostIsRefused() throws Exception {
        String alarm = "elsewhere-" + UUID.randomUUID();
        post(SnsSigner.sign(alarmOfItsOwn(alarm, "ALARM", UUID.randomUUID().toString()), "eu-west-1"))
                .then().statusCode(403).body("detail", containsString("eu-west-1"));

        ObjectNode evil = (ObjectNode) JSON.readTree(SnsSigner.sign(alarmOfItsOwn(alarm, "ALARM", UUID.randomUUID().toString())));
        evil.put("SigningCertURL", "https://sns.us-east-1.amazonaws.com.evil.example" + SnsSigner.CERTIFICATE_PATH);
        post(SnsSigner.signAsIs(evil)).then().statusCode(403);
    }

    @Test
    void aRealSnsMessageWhoseCertificateHasExpiredIsRefused() {
        // signed by AWS in March 2026; its certificate expired on 2026-10-14
        aws.stubFor(WireMock.get(urlPathEqualTo("/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem"))
                .willReturn(WireMock.ok(Payloads.read("SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.aws-sdk-java-v2.pem"))));

        post(Payloads.read("sns-http-notification.aws-sdk-java-v2.json")).then().statusCode(403)
                .body("detail", containsString("expired"));
    }

    @Test
    void aSubscriptionIsConfirmedAtItsSubscribeUrlAndRecorded() throws Exception {
        String topic = "confirm-" + UUID.randomUUID().toString().substring(0, 8);
        aws.stubFor(WireMock.get(urlPathEqualTo("/confirm/" + topic)).willReturn(WireMock.ok("<ConfirmSubscriptionResponse/>")));
        ObjectNode confirmation = (ObjectNode) Payloads.json("sns-http-subscription-confirmation.awsdocs.json").deepCopy();
        confirmation.put("SubscribeURL", "http://127.0.0.1:" + aws.port() + "/confirm/" + topic + "?Action=ConfirmSubscription&Token=t");
        confirmation.put("MessageId", UUID.randomUUID().toString());
        String signed = topicNamed(SnsSigner.sign(confirmation.toString()), topic);

        post(signed).then().statusCode(200).body("subscription", equalTo("CONFIRMED"));

        aws.verify(getRequestedFor(urlPathEqualTo("/confirm/" + topic)));
        assertThat(subscriptions()).anySatisfy(s -> {
            assertThat((String) s.get("topicArn")).endsWith(":" + topic);
            assertThat(s).containsEntry("status", "CONFIRMED");
        });

        ObjectNode unsubscribed = (ObjectNode) JSON.readTree(signed);
        unsubscribed.put("Type", "UnsubscribeConfirmation").put("MessageId", UUID.randomUUID().toString());
        post(SnsSigner.signAsIs(unsubscribed)).then().statusCode(200).body("subscription", equalTo("UNSUBSCRIBED"));
        assertThat(subscriptions()).anySatisfy(s -> {
            assertThat((String) s.get("topicArn")).endsWith(":" + topic);
            assertThat(s).containsEntry("status", "UNSUBSCRIBED");
        });
    }

    @Test
    void aSubscribeUrlOffTheSnsHostsIsNotVisited() throws Exception {
        String topic = "evil-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode confirmation = (ObjectNode) Payloads.json("sns-http-subscription-confirmation.awsdocs.json").deepCopy();
        confirmation.put("SubscribeURL", "https://attacker.example/confirm?Token=t");
        confirmation.put("MessageId", UUID.randomUUID().toString());

        post(topicNamed(SnsSigner.sign(confirmation.toString()), topic)).then().statusCode(403);

        assertThat(subscriptions()).anySatisfy(s -> {
            assertThat((String) s.get("topicArn")).endsWith(":" + topic);
            assertThat(s).containsEntry("status", "CONFIRMATION_FAILED");
        });
    }

    @Test
    void healthSaysSignaturesAreVerified() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sns intake' }.data.verifySignatures", equalTo(true));
    }

    /** Re-signs the message with a topic of that name. */
    private static String topicNamed(String signed, String name) throws Exception {
        ObjectNode message = (ObjectNode) JSON.readTree(signed);
        message.put("TopicArn", SnsSigner.TOPIC.replace("t-developer-alerts-production", name));
        return SnsSigner.signAsIs(message);
    }

    private static List<Map<String, Object>> subscriptions() {
        return as("viewer").get("/intake/sns/subscriptions").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static io.restassured.response.Response post(String body) {
        return as("intake").contentType("text/plain; charset=UTF-8").body(body).post("/intake/sns");
    }
}
