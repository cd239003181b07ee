package dev.autopilot.detector.incident;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.detector.DetectorApi.postSignal;
import static dev.autopilot.detector.DetectorApi.signalGeneric;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.autopilot.detector.TestClockProducer;
import dev.autopilot.support.links.SignedLinks;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed acknowledge link a page carries, as the notification service signs it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class AcknowledgeLinkTest {

    private final SignedLinks links = new SignedLinks("test-link-secret-of-sufficient-length");

    @Test
    void openingTheLinkShowsAButtonAndPressingItAcknowledgesAsTheContact() {
        String title = "paged " + UUID.randomUUID();
        postSignal(signalGeneric(title, "firing"));
        String id = (String) awaitIncident(title, i -> true).get("id");
        String token = links.sign(List.of("acknowledge", id, "devops-lead"), Instant.now().plus(Duration.ofHours(48)));

        given().get("/ack/{token}", token).then().statusCode(200).contentType("text/html")
                .body(containsString("Acknowledge as devops-lead")).body(containsString(title));
        assertThat(awaitIncident(title, i -> true)).containsEntry("status", "OPEN");

        given().post("/ack/{token}", token).then().statusCode(200).body(containsString("Escalation has stopped"));

        Map<String, Object> acknowledged = awaitIncident(title, i -> "ACKNOWLEDGED".equals(i.get("status")));
        assertThat(acknowledged).containsEntry("acknowledgedBy", "devops-lead")
                .containsEntry("acknowledgeNote", "acknowledged from a page");
        given().post("/ack/{token}", token).then().statusCode(200).body(containsString("already acknowledged"));
    }

    @Test
    void aForgedExpiredOrOtherLinkIsRefused() {
        String id = UUID.randomUUID().toString();
        String forged = new SignedLinks("another-secret-of-sufficient-length")
                .sign(List.of("acknowledge", id, "devops-lead"), Instant.now().plus(Duration.ofHours(1)));
        String expired = links.sign(List.of("acknowledge", id, "devops-lead"),
                TestClockProducer.CLOCK.instant().minusSeconds(1));
        String otherPurpose = links.sign(List.of("approve", id, "devops-lead"), Instant.now().plus(Duration.ofDays(3)));

        given().post("/ack/{token}", forged).then().statusCode(403).contentType("application/problem+json");
        given().post("/ack/{token}", expired).then().statusCode(403);
        given().get("/ack/{token}", otherPurpose).then().statusCode(403);
        given().get("/ack/not-a-token").then().statusCode(403);
    }
}
