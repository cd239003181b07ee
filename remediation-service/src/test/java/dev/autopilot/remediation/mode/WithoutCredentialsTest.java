package dev.autopilot.remediation.mode;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.autopilot.remediation.AwsStubs.bucket;
import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.map;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.step;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.support.aws.AwsClients;
import dev.autopilot.support.aws.AwsConfig;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service configured live whose AWS SDK default chain finds no credentials: it runs dry-run, says so and why in
 * {@code /q/health}, and a remediation then sends nothing, not even its reads, and records what it would send. The
 * service's modes are decided as at start-up, by {@link ModeSettings} of the tests' configuration (live), with a
 * credential chain that finds nothing; they replace the running ones for the test only.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class WithoutCredentialsTest {

    private static final String CHECK = "checks.find { it.name == 'remediation' }.data.";
    private static final String BREAK_GLASS = "arn:aws:iam::123456789012:role/t-developer-break-glass";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    RemediationConfig config;

    @Inject
    AwsConfig awsConfig;

    @BeforeEach
    void withoutCredentials() {
        AwsStubs.defaults(aws);
        AwsClients noCredentials = new AwsClients(awsConfig) {
            @Override
            public boolean credentialsAvailable() {
                return false;
            }
        };
        QuarkusMock.installMockForType(new ModeSettings(config, noCredentials), ModeSettings.class);
    }

    @Test
    void aLiveServiceWithoutCredentialsRunsDryRunAndHealthSaysWhy() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(CHECK + "mode", equalTo("DRY_RUN"))
                .body(CHECK + "configuredMode", equalTo("LIVE"))
                .body(CHECK + "modeReason",
                        equalTo("remediation.mode is live but the AWS SDK's default chain finds no credentials"))
                .body(CHECK + "awsCredentials", equalTo(false));
    }

    @Test
    void aRemediationWithoutCredentialsSendsNothingAndRecordsTheChangeItWouldSend() {
        String name = unique("projects");
        bucket(aws, name, null);
        IncidentOpened incident = opened("data-loss", "s3-exfiltration", Map.of("bucket", name));

        write(new TopicReader(kafka), incident);

        Map<String, Object> done = awaitStatus(incident.incidentId(), "SUCCEEDED");
        assertThat(done).containsEntry("mode", "DRY_RUN").containsEntry("target", "s3:" + name);
        assertThat(step(done, "GetBucketPolicy")).containsEntry("mode", "DRY_RUN").containsEntry("sent", false)
                .containsEntry("outcome", "dry run: not sent (reads are off)");
        Map<String, Object> deny = step(done, "PutBucketPolicy");
        assertThat(deny).containsEntry("mode", "DRY_RUN").containsEntry("sent", false)
                .containsEntry("outcome", "dry run, not sent: replace the policy of " + name)
                .containsEntry("replaced", null);
        assertThat(map(deny.get("request"))).isEqualTo(Map.of("Bucket", name, "Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RunbookAutopilotEmergencyDenyAll\","
                        + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::"
                        + name + "\",\"arn:aws:s3:::" + name + "/*\"],\"Condition\":{\"ArnNotLike\":{"
                        + "\"aws:PrincipalArn\":[\"" + BREAK_GLASS + "\"]}}}]}"));
        assertThat(aws.findAll(anyRequestedFor(urlEqualTo("/" + name + "?policy")))).isEmpty();
    }
}
