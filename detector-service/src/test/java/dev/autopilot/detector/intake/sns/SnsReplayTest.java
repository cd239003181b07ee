package dev.autopilot.detector.intake.sns;

import static dev.autopilot.detector.DetectorApi.alarmOfItsOwn;
import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static dev.autopilot.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The detector replaying captured SNS messages ({@code detector.sns.verify-signatures=false}): a message whose
 * signature does not hold is taken in, and the health report says, as a warning, that nothing is verified.
 */
@QuarkusTest
@TestProfile(SnsReplayTest.Replaying.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SnsReplayTest {

    /** The test configuration with verification off: the one change. */
    public static class Replaying implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("detector.sns.verify-signatures", "false");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECK = "checks.find { it.name == 'sns intake' }";

    @Test
    void aMessageWhoseSignatureDoesNotHoldIsTakenIn() throws Exception {
        String signedFor = "captured-" + UUID.randomUUID();
        String alarm = "replayed-" + UUID.randomUUID();
        ObjectNode captured = (ObjectNode) JSON.readTree(
                SnsSigner.sign(alarmOfItsOwn(signedFor, "ALARM", UUID.randomUUID().toString())));
        captured.put("Message", captured.get("Message").asText().replace(signedFor, alarm));

        as("intake").contentType("text/plain; charset=UTF-8").body(captured.toString()).post("/intake/sns")
                .then().statusCode(202);

        assertThat(awaitIncident(alarm, i -> true)).containsEntry("severity", "P0");
    }

    @Test
    void healthWarnsThatSignaturesAreNotVerified() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHECK + ".data.verifySignatures", equalTo(false))
                .body(CHECK + ".data.warning",
                        equalTo("SNS signature verification is off (detector.sns.verify-signatures=false)"));
    }
}
