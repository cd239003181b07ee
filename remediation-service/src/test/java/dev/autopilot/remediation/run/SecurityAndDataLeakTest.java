package dev.autopilot.remediation.run;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.remediation.AwsStubs.API_KEY_SECRET;
import static dev.autopilot.remediation.AwsStubs.bucket;
import static dev.autopilot.remediation.AwsStubs.secret;
import static dev.autopilot.remediation.AwsStubs.secretsRequests;
import static dev.autopilot.remediation.RemediationApi.awaitById;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.steps;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security responses: the API keys rotated and sessions invalidated; a leaking bucket closed; and their undo. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SecurityAndDataLeakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BREAK_GLASS = "arn:aws:iam::123456789012:role/t-developer-break-glass";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void suspiciousActivityRotatesTheApiKeysOnceAndInvalidatesSessionsAndUndoMovesTheKeysBack() throws Exception {
        String current = unique("v-current");
        String next = unique("v-next");
        secret(aws, API_KEY_SECRET, current, next);
        IncidentOpened incident = opened("security", "Recon:EC2/PortProbeUnprotectedPort",
                Map.of("finding", "Recon:EC2/PortProbeUnprotectedPort"));

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(done).containsEntry("target", "secretsmanager:" + API_KEY_SECRET);
        Map<String, Object> rotate = steps(done).get(0);
        Map<String, Object> invalidate = steps(done).get(1);
        // the right secret, rotated with the step's own token: a repeated attempt would not rotate it twice
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.RotateSecret"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.SecretId",
                        equalTo(API_KEY_SECRET)))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.ClientRequestToken", equalTo((String) rotate.get("id"))))))
                .singleElement().satisfies(request -> assertThat(JSON.readTree(request.getBodyAsString()))
                        .isEqualTo(JSON.readTree("{\"SecretId\":\"" + API_KEY_SECRET + "\",\"ClientRequestToken\":\""
                                + rotate.get("id") + "\",\"RotateImmediately\":true}")));
        assertThat(rotate).containsEntry("outcome", "rotated " + API_KEY_SECRET + " to version " + next);
        assertThat(map(rotate.get("replaced"))).isEqualTo(Map.of("currentVersion", current));
        List<LoggedRequest> sessions = aws.findAll(postRequestedFor(urlEqualTo("/admin/invalidate-sessions"))
                .withHeader("Idempotency-Key", equalTo((String) invalidate.get("id"))));
        assertThat(sessions).hasSize(1);
        assertThat(invalidate.get("outcome")).asString().startsWith("HTTP 204 from POST ");

        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(202);

        awaitById(done.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(secretsRequests(aws, "UpdateSecretVersionStage"))
                .contains(JSON.readTree("{\"SecretId\":\"" + API_KEY_SECRET + "\",\"VersionStage\":\"AWSCURRENT\","
                        + "\"MoveToVersionId\":\"" + current + "\",\"RemoveFromVersionId\":\"" + next + "\"}"));
    }

    @Test
    void aSuspectedLeakSavesTheBucketPolicyThenDeniesAllButBreakGlassAndUndoRestoresThePolicy() {
        String name = unique("projects");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + name + "\",\"arn:aws:s3:::"
                + name + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        bucket(aws, name, policy);
        IncidentOpened incident = opened("data-loss", "s3-exfiltration", Map.of("bucket", name));

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(done).containsEntry("target", "s3:" + name);
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RunbookAutopilotEmergencyDenyAll\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + name
                + "\",\"arn:aws:s3:::" + name + "/*\"],\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\""
                + BREAK_GLASS + "\"]}}}]}";
        assertThat(aws.findAll(putRequestedFor(urlEqualTo("/" + name + "?policy"))))
                .extracting(LoggedRequest::getBodyAsString).containsExactly(deny);
        assertThat(aws.findAll(getRequestedFor(urlEqualTo("/" + name + "?policy")))).hasSize(1);
        assertThat(map(steps(done).get(1).get("replaced"))).isEqualTo(Map.of("exists", true, "policy", policy));

        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(202);

        Map<String, Object> undone = awaitById(done.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(aws.findAll(putRequestedFor(urlEqualTo("/" + name + "?policy"))))
                .extracting(LoggedRequest::getBodyAsString).containsExactly(deny, policy);
        assertThat(undone.get("summary")).isEqualTo("restored: replaced the policy of " + name);
    }

    @Test
    void undoingTheDenyPolicyOfABucketThatHadNoneDeletesIt() {
        String name = unique("projects");
        bucket(aws, name, null);
        IncidentOpened incident = opened("data-loss", "s3-exfiltration", Map.of("bucket", name));

        write(new TopicReader(kafka), incident);
        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(steps(done).get(0)).containsEntry("outcome", "the bucket has no policy");
        as("admin").post("/remediations/{id}/undo", done.get("id")).then().statusCode(202);

        awaitById(done.get("id"), r -> "UNDONE".equals(r.get("status")));
        assertThat(aws.findAll(deleteRequestedFor(urlEqualTo("/" + name + "?policy")))).hasSize(1);
    }
}
