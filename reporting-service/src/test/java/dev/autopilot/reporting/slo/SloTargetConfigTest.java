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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An objective's target is configuration: with {@code reporting.slo.objectives.availability.target} set to 90, the
 * availability SLO is told, met and budgeted against 90 %, and the other objectives keep the defaults.
 */
@QuarkusTest
@TestProfile(SloTargetConfigTest.AvailabilityTarget90.class)
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SloTargetConfigTest {

    /** Only the one property: the rest of the objectives' configuration stays as shipped. */
    public static class AvailabilityTarget90 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.slo.objectives.availability.target", "90");
        }
    }

    /** Far from every other test's samples. */
    private static final Instant NOW = Instant.parse("2037-04-06T00:00:00Z");

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
    void theConfiguredTargetIsTheOneTheSloIsMeasuredAndBudgetedAgainst() {
        EventFeed feed = new EventFeed(kafka);
        // 20 probes over the last 20 hours, one failed: 95 %. Against 90 % that is half the 10 % budget spent (met);
        // against the shipped 99.5 % it would be 10 budgets spent (missed, -900 % left).
        List<SignalReceived> probes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            probes.add(probe(NOW.minus(Duration.ofHours(i)), i == 7 ? 0 : 1));
        }
        probes.forEach(feed::publish);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> samples.checkSamples("availability", NOW.minus(Duration.ofDays(28)), NOW).size() == 20));
        clock.set(NOW);

        JsonPath availability = as("viewer").get("/slos/availability").then().statusCode(200).extract().jsonPath();
        assertThat(availability.getDouble("target")).isEqualTo(90.0);
        assertThat(availability.getList("windows.window", String.class)).containsExactly("7d", "28d");
        for (int w = 0; w < 2; w++) {
            String window = "windows[" + w + "].";
            assertThat(availability.getInt(window + "samples")).isEqualTo(20);
            assertThat(availability.getDouble(window + "attainment")).isCloseTo(95, within(1e-9));
            assertThat(availability.getBoolean(window + "met")).as("95 %% reaches 90 %%").isTrue();
            assertThat(availability.getDouble(window + "budgetRemaining")).as("5 %% bad of a 10 %% budget")
                    .isCloseTo(50, within(1e-9));
            List<Double> burndown = availability.getList(window + "burndown", Double.class);
            assertThat(burndown.get(burndown.size() - 1)).as("the burndown ends where the budget stands")
                    .isCloseTo(50, within(1e-9));
        }
        assertThat(availability.getDouble("burnRates.find { it.window == '1h' }.burnRate"))
                .as("the last hour's probe succeeded").isZero();
        assertThat(availability.getDouble("burnRates.find { it.window == '6h' }.burnRate"))
                .as("none of the last 6 failed").isZero();

        JsonPath all = as("viewer").get("/slos").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("name", String.class)).containsExactly("availability", "error-rate", "pipeline-latency");
        assertThat(all.getList("target", Double.class)).as("only availability's target was overridden")
                .containsExactly(90.0, 98.0, 99.0);
        assertThat(all.getDouble("find { it.name == 'availability' }.windows[1].budgetRemaining"))
                .isCloseTo(50, within(1e-9));
    }

    private static SignalReceived probe(Instant at, double value) {
        return new SignalReceived(UUID.randomUUID().toString(), "check:availability", "check", null,
                value == 0 ? SignalStatus.FIRING : SignalStatus.RESOLVED, "availability", null,
                Map.of("sli", "availability", "check", "http-probe", "probe", "alb"), value, null, at, at);
    }
}
