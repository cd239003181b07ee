package dev.autopilot.reporting.postmortem;

import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A resolved incident's postmortem draft: the customer impact tells the error budget the incident spent. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class PostmortemTest {

    /** The incident opens here; 28 days around it hold no other test's check samples. */
    private static final Instant T = Instant.parse("2033-08-10T02:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    SignalSampleRepository samples;

    @Test
    void theCustomerImpactTellsTheShareOfEachBudgetTheIncidentSpent() {
        EventFeed feed = new EventFeed(kafka);
        Instant resolved = T.plus(Duration.ofMinutes(10));
        // availability: 400 probes a minute apart up to T+9m, 28d budget 0.5 % of 400 = 2 probes; one failed before
        // the incident (in the window, not in the incident), one during it (half the budget), one at the resolution
        // (outside both: windows end before their end)
        for (int i = 0; i < 400; i++) {
            Instant at = T.plus(Duration.ofMinutes(i - 390));
            feed.publish(check("availability", at, i == 360 || i == 392 ? 0 : 1, null));
        }
        SignalReceived atResolution = check("availability", resolved, 0, null);
        feed.publish(atResolution);
        // error rate: 4 samples of 300 s, budget 2 % of 1200 s = 24 s; 4 % and 6 % of 300 s bad during it = 30 s
        feed.publish(check("error-rate", T.minus(Duration.ofMinutes(20)), 0.0, "300"));
        feed.publish(check("error-rate", T.minus(Duration.ofMinutes(10)), 0.0, "300"));
        feed.publish(check("error-rate", T, 4.0, "300"));
        feed.publish(check("error-rate", T.plus(Duration.ofMinutes(5)), 6.0, "300"));
        String id = UUID.randomUUID().toString();
        feed.publish(new IncidentOpened(id, "check:availability", "availability probes failing", Severity.P1,
                "degradation", "t-developer-service-production", Map.of("probe", "alb"), "s1", T));
        feed.publish(new IncidentResolved(id, "detector", "probes succeed again", resolved));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> samples.findBySignalId(atResolution.signalId()).isPresent()
                        && samples.checkSamples("availability", T.minus(Duration.ofDays(28)), resolved).size() == 400
                        && samples.checkSamples("error-rate", T.minus(Duration.ofDays(28)), resolved).size() == 4));
        awaitIncident(id, i -> "RESOLVED".equals(i.get("status")));

        String draft = as("viewer").get("/incidents/{id}/postmortem", id).then().statusCode(200).extract().asString();
        assertThat(draft).contains("## Customer impact\n\n"
                + "- Open for 10 min\n"
                + "- Error budget spent while it was open (share of each objective's 28d budget):\n"
                + "  - availability: 50.00 %\n"
                + "  - error-rate: 125.00 %\n"
                + "  - pipeline-latency: no check samples\n\n"
                + "## Responders and acknowledgements");
    }

    private static SignalReceived check(String sli, Instant at, double value, String periodSeconds) {
        Map<String, String> labels = new HashMap<>();
        labels.put("sli", sli);
        labels.put("check", "availability".equals(sli) ? "http-probe" : "cloudwatch-metric");
        if (periodSeconds != null) {
            labels.put("periodSeconds", periodSeconds);
        }
        return new SignalReceived(UUID.randomUUID().toString(), "check:" + sli, "check", null,
                value == 0 && "availability".equals(sli) ? SignalStatus.FIRING : SignalStatus.RESOLVED, sli, null,
                labels, value, null, at, at);
    }
}
