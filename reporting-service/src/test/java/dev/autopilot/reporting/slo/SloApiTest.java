package dev.autopilot.reporting.slo;

import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.TestClock;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SLOs from the detector's check samples, as {@code GET /slos} tells them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SloApiTest {

    /** Far from every other test's samples. */
    private static final Instant NOW = Instant.parse("2031-03-01T00:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    TestClock clock;

    @Inject
    SignalSampleRepository samples;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void attainmentBudgetAndBurnRatesFromTheCheckSamples() {
        EventFeed feed = new EventFeed(kafka);
        // 400 probes over the last 8 days: 2 failed 3 days ago, 1 failed 10 days ago (outside 7d, inside 28d)
        for (int i = 0; i < 400; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(29L * (i + 1)));
            feed.publish(check("availability", at, i == 150 || i == 151 ? 0 : 1, Map.of("probe", "alb")));
        }
        feed.publish(check("availability", NOW.minus(Duration.ofDays(10)), 0, Map.of("probe", "alb")));
        feed.publish(check("latency", NOW.minus(Duration.ofMinutes(2)), 52.0, Map.of("periodSeconds", "300")));
        feed.publish(check("latency", NOW.minus(Duration.ofMinutes(20)), 31.0, Map.of("periodSeconds", "300")));
        SignalReceived last = check("error-rate", NOW.minus(Duration.ofMinutes(3)), 1.0, Map.of("periodSeconds", "300"));
        feed.publish(last);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> samples.findBySignalId(last.signalId()).isPresent()
                        && samples.checkSamples("availability", NOW.minus(Duration.ofDays(28)), NOW).size() == 401));
        clock.set(NOW);

        JsonPath all = as("viewer").get("/slos").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("name", String.class)).containsExactly("availability", "error-rate", "pipeline-latency");

        JsonPath availability = as("viewer").get("/slos/availability").then().statusCode(200).extract().jsonPath();
        assertThat(availability.getDouble("target")).isEqualTo(99.5);
        assertThat(availability.getList("windows.window", String.class)).containsExactly("7d", "28d");
        assertThat(availability.getInt("windows[0].samples")).isEqualTo(347);
        assertThat(availability.getDouble("windows[0].attainment")).isCloseTo(100.0 * 345 / 347, within(1e-3));
        assertThat(availability.getInt("windows[1].samples")).isEqualTo(401);
        assertThat(availability.getDouble("windows[1].attainment")).isCloseTo(100.0 * 398 / 401, within(1e-3));
        assertThat(availability.getBoolean("windows[1].met")).as("99.25 %% < 99.5 %%").isFalse();
        assertThat(availability.getDouble("windows[1].budgetRemaining"))
                .isCloseTo((1 - (3.0 / 401) / 0.005) * 100, within(1e-3));
        assertThat(availability.getList("windows[1].burndown")).hasSize(28);
        assertThat(availability.getList("windows[1].alerts.name", String.class)).containsExactly("page", "ticket");
        assertThat(availability.getDouble("windows[1].alerts[0].threshold")).isCloseTo(13.44, within(1e-3));
        assertThat(availability.getList("burnRates.window", String.class)).containsExactly("5m", "30m", "1h", "6h");
        assertThat(availability.getDouble("burnRates[2].burnRate")).isZero();

        JsonPath latency = as("viewer").get("/slos/pipeline-latency").then().statusCode(200).extract().jsonPath();
        assertThat(latency.getDouble("windows[0].attainment")).isCloseTo(50, within(1e-3));
        assertThat(latency.getBoolean("windows[0].met")).isFalse();
        assertThat(latency.getBoolean("windows[0].alerts[0].firing")).as("50 %% bad burns 100x the budget").isTrue();

        JsonPath errors = as("viewer").get("/slos/error-rate").then().statusCode(200).extract().jsonPath();
        assertThat(errors.getDouble("windows[1].attainment")).isCloseTo(99, within(1e-3));
        assertThat(errors.getDouble("windows[1].budgetRemaining")).isCloseTo(50, within(1e-3));

        as("viewer").get("/slos/{name}", "throughput").then().statusCode(404);
        clock.set(NOW.plus(Duration.ofDays(60)));
        assertThat(as("viewer").get("/slos/availability").then().statusCode(200).extract().jsonPath()
                .getList("windows.attainment")).as("no data in the window").containsExactly(null, null);
    }

    private static SignalReceived check(String sli, Instant at, double value, Map<String, String> more) {
        Map<String, String> labels = new HashMap<>(more);
        labels.put("sli", sli);
        labels.put("check", "availability".equals(sli) ? "http-probe" : "cloudwatch-metric");
        return new SignalReceived(UUID.randomUUID().toString(), "check:" + sli, "check", null,
                value == 0 ? SignalStatus.FIRING : SignalStatus.RESOLVED, sli, null, labels, value, null, at, at);
    }
}
