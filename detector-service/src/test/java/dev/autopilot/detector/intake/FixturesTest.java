package dev.autopilot.detector.intake;

import static dev.autopilot.testing.TestTokens.as;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.autopilot.detector.intake.sns.SnsSigner;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.Payloads;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shared payload fixture the detector takes, posted as it is, gets the answer it should. (Their effects on
 * incidents are asserted in the intake tests of each source, on variants made from these same files.)
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class FixturesTest {

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            // SNS: unsigned documentation examples are refused as not SNS's own; the real ones' certificate expired
            "sns-http-notification.awsdocs.json,                         /intake/sns,          403, sign=no",
            "sns-http-notification.awsdocs.json,                         /intake/sns,          400, sign=yes",
            "sns-http-subscription-confirmation.awsdocs.json,            /intake/sns,          403, sign=no",
            "sns-http-notification.aws-sdk-java-v2.json,                 /intake/sns,          403, sign=no",
            "sns-http-subscription-confirmation.aws-sdk-java-v2.json,    /intake/sns,          403, sign=no",
            // EventBridge: each one as AWS documents it
            "eventbridge-cloudwatch-alarm-state-change-single-metric.awsdocs.json, /intake/eventbridge, 202, sign=no",
            "eventbridge-ecs-task-state-change-running.awsdocs.json,     /intake/eventbridge,  202, sign=no",
            "eventbridge-ecs-deployment-state-change-in-progress.awsdocs.json, /intake/eventbridge, 202, sign=no",
            "eventbridge-ecs-deployment-state-change-completed.awsdocs.json, /intake/eventbridge, 202, sign=no",
            "eventbridge-ecs-service-action-steady-state.awsdocs.json,   /intake/eventbridge,  202, sign=no",
            "eventbridge-ecs-service-action-task-placement-failure.awsdocs.json, /intake/eventbridge, 202, sign=no",
            "eventbridge-guardduty-finding-recon-portprobe.steveyttt.json, /intake/eventbridge, 202, sign=no",
            "eventbridge-cloudtrail-authorize-security-group-ingress.reflex.json, /intake/eventbridge, 202, sign=no",
            // Prometheus and Alertmanager, as captured from the real programs
            "prometheus-postable-alerts-firing.captured-prom-2.42.0.json, /intake/prometheus/api/v2/alerts, 200, sign=no",
            "alertmanager-webhook-v4-firing.captured-am-0.25.0.json,     /intake/alertmanager, 200, sign=no",
            "alertmanager-webhook-v4-resolved.captured-am-0.25.0.json,   /intake/alertmanager, 200, sign=no",
            "alertmanager-webhook-v4-firing.alerta.json,                 /intake/alertmanager, 200, sign=no",
    })
    void eachFixtureGetsItsAnswer(String fixture, String path, int status, String sign) {
        // the CloudTrail fixture's group cannot be named: EC2 answers that it does not know it
        aws.stubFor(WireMock.post(WireMock.urlEqualTo("/"))
                .withRequestBody(WireMock.containing("Action=DescribeSecurityGroups"))
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                        .withBody("<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>no such group"
                                + "</Message></Error></Errors><RequestID>r</RequestID></Response>")));
        String body = Payloads.read(fixture);
        boolean sns = path.equals("/intake/sns");
        as("intake").contentType(sns ? "text/plain; charset=UTF-8" : "application/json")
                .body("sign=yes".equals(sign) ? SnsSigner.sign(body) : body)
                .post(path)
                .then().statusCode(status);
    }
}
