package dev.autopilot.reporting.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SLO arithmetic: attainment, error budget, burn rates and their alerts, at the edges. */
class ServiceLevelObjectiveTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final Duration DAYS_28 = Duration.ofDays(28);
    private static final ServiceLevelObjective AVAILABILITY =
            new ServiceLevelObjective("availability", "availability", Measure.SUCCESS_RATIO, 99.5, null);
    private static final ServiceLevelObjective LATENCY =
            new ServiceLevelObjective("pipeline-latency", "latency", Measure.BELOW_THRESHOLD, 99, 45.0);
    private static final ServiceLevelObjective ERRORS =
            new ServiceLevelObjective("error-rate", "error-rate", Measure.PERCENT_BAD, 98, null);

    /** {@code good} successful and {@code bad} failed probes, one a minute, ending a minute before now. */
    private static List<CheckSample> probes(int good, int bad) {
        List<CheckSample> samples = new ArrayList<>();
        for (int i = 0; i < good + bad; i++) {
            samples.add(new CheckSample(NOW.minusSeconds(60L * (i + 1)), i < bad ? 0 : 1, null));
        }
        return samples;
    }

    @ParameterizedTest(name = "{0} good, {1} bad -> {2} % attained, {3} % of budget left, met {4}")
    @CsvSource(nullValues = "-", value = {
            "0,    0,  -,     -,      -",
            "0,    10, 0,     -19900, false",
            "995,  5,  99.5,  0,      true",
            "998,  2,  99.8,  60,     true",
            "1000, 0,  100,   100,    true",
            "990,  10, 99,    -100,   false",
    })
    void availabilityOverTheWindow(int good, int bad, Double attainment, Double remaining, Boolean met) {
        ServiceLevelObjective.Standing standing = AVAILABILITY.standing(probes(good, bad), DAYS_28, NOW);

        assertThat(standing.samples()).isEqualTo(good + bad);
        assertThat(standing.met()).isEqualTo(met);
        if (attainment == null) {
            assertThat(standing.attainment()).isNull();
            assertThat(standing.budgetRemaining()).isNull();
        } else {
            assertThat(standing.attainment()).isCloseTo(attainment, within(1e-9));
            assertThat(standing.budgetRemaining()).isCloseTo(remaining, within(1e-6));
        }
        assertThat(standing.from()).isEqualTo(NOW.minus(DAYS_28));
        assertThat(standing.to()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "a sample {0} s after the window starts counts: {1}")
    @CsvSource({
            "-1,                false",
            "0,                 true",
            "1,                 true",
            "2419199,           true",
            "2419200,           false",
    })
    void theWindowIncludesItsStartAndExcludesItsEnd(long secondsAfterStart, boolean counted) {
        List<CheckSample> samples = List.of(new CheckSample(NOW.minus(DAYS_28).plusSeconds(secondsAfterStart), 0, null));

        assertThat(AVAILABILITY.standing(samples, DAYS_28, NOW).samples()).isEqualTo(counted ? 1 : 0);
    }

    @ParameterizedTest(name = "P95 {0} s and {1} s over 5 min -> {2} %")
    @CsvSource({
            "30,   40,   100",
            "30,   50,   50",
            "45,   45,   0",
            "44.9, 60,   50",
    })
    void latencyCountsTheTimeThePercentileStayedUnderTheThreshold(double first, double second, double attainment) {
        List<CheckSample> samples = List.of(new CheckSample(NOW.minusSeconds(900), first, 300.0),
                new CheckSample(NOW.minusSeconds(600), second, 300.0));

        assertThat(LATENCY.standing(samples, DAYS_28, NOW).attainment()).isCloseTo(attainment, within(1e-9));
    }

    @ParameterizedTest(name = "{0} % errors over {1} s and {2} % over {3} s -> {4} % good, {5} % of budget left")
    @CsvSource({
            "1,   60, 1,   60,  99,   50",
            "0,   60, 4,   180, 97,   -50",
            "150, 60, -5,  60,  50,   -2400",
    })
    void errorRateWeighsEachPeriodByItsLength(double firstRate, double firstPeriod, double secondRate,
            double secondPeriod, double attainment, double remaining) {
        List<CheckSample> samples = List.of(new CheckSample(NOW.minusSeconds(3000), firstRate, firstPeriod),
                new CheckSample(NOW.minusSeconds(2000), secondRate, secondPeriod));

        ServiceLevelObjective.Standing standing = ERRORS.standing(samples, DAYS_28, NOW);
        assertThat(standing.attainment()).isCloseTo(attainment, within(1e-9));
        assertThat(standing.budgetRemaining()).isCloseTo(remaining, within(1e-6));
    }

    @Test
    void aSampleWithoutItsPeriodWeighsAMinute() {
        List<CheckSample> samples = List.of(new CheckSample(NOW.minusSeconds(100), 10, null),
                new CheckSample(NOW.minusSeconds(50), 0, 60.0));

        assertThat(ERRORS.standing(samples, DAYS_28, NOW).attainment()).isCloseTo(95, within(1e-9));
    }

    @Test
    void theBurnRateIsTheBadShareOverTheBudget() {
        List<CheckSample> lastHour = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lastHour.add(new CheckSample(NOW.minusSeconds(60L * i), i <= 3 ? 0 : 1, null));
        }
        lastHour.add(new CheckSample(NOW.minus(Duration.ofHours(2)), 0, null));

        assertThat(AVAILABILITY.burnRate(lastHour, Duration.ofHours(1), NOW)).isCloseTo(10, within(1e-9));
        assertThat(AVAILABILITY.burnRate(lastHour, Duration.ofMinutes(5), NOW)).isCloseTo(120, within(1e-9));
        assertThat(AVAILABILITY.burnRate(List.of(), Duration.ofHours(1), NOW)).isNull();
        assertThat(AVAILABILITY.burnRate(probes(0, 5), Duration.ofHours(1), NOW)).isCloseTo(200, within(1e-9));
    }

    @ParameterizedTest(name = "{0}: {1} over {3} of a {2}-day window -> burn threshold {4}")
    @CsvSource({
            "page,   0.02, 28, 1, 13.44",
            "ticket, 0.05, 28, 6, 5.6",
            "page,   0.02, 30, 1, 14.4",
            "ticket, 0.05, 30, 6, 6",
            "page,   0.02, 7,  1, 3.36",
    })
    void burnThresholdsScaleWithTheSloWindow(String name, double share, long days, long hours, double threshold) {
        BurnAlert alert = new BurnAlert(name, Duration.ofHours(hours), share);

        assertThat(alert.threshold(Duration.ofDays(days))).isCloseTo(threshold, within(1e-9));
        assertThat(alert.shortWindow()).isEqualTo(Duration.ofHours(hours).dividedBy(12));
    }

    @ParameterizedTest(name = "burn {0} over the long window and {1} over the short one -> firing {2}")
    @CsvSource(nullValues = "-", value = {
            "20,   20,   true",
            "20,   10,   false",
            "10,   20,   false",
            "13.44, 20,  false",
            "-,    20,   false",
            "20,   -,    false",
    })
    void anAlertFiresOnlyWhenBothWindowsBurnTooFast(Double longBurn, Double shortBurn, boolean firing) {
        BurnAlert page = new BurnAlert("page", Duration.ofHours(1), 0.02);

        assertThat(page.firing(longBurn, shortBurn, DAYS_28)).isEqualTo(firing);
    }

    @Test
    void budgetSpentDuringAnIncidentIsAShareOfTheWindowsBudget() {
        List<CheckSample> samples = new ArrayList<>(probes(1000, 0));
        Instant from = NOW.minusSeconds(600);
        samples.replaceAll(s -> s.at().isBefore(NOW) && !s.at().isBefore(from) ? new CheckSample(s.at(), 0, null) : s);

        // 10 of 1000 probes failed during the incident; the budget is 0.5 % of 1000 = 5 probes: 200 % spent
        assertThat(AVAILABILITY.budgetSpent(samples, from, NOW, DAYS_28, NOW)).isCloseTo(200, within(1e-9));
        assertThat(AVAILABILITY.budgetSpent(List.of(), from, NOW, DAYS_28, NOW)).isNull();
    }

    @Test
    void theBurndownEndsAtWhatIsLeft() {
        List<CheckSample> samples = probes(998, 2);

        List<Double> burndown = AVAILABILITY.burndown(samples, DAYS_28, NOW, 28);
        assertThat(burndown).hasSize(28);
        assertThat(burndown.get(0)).isEqualTo(100.0);
        assertThat(burndown.get(27)).isCloseTo(60, within(1e-6));
        assertThat(AVAILABILITY.burndown(List.of(), DAYS_28, NOW, 28)).isEmpty();
    }

    @ParameterizedTest(name = "target {0}")
    @CsvSource({"100", "0", "-1", "120"})
    void anObjectiveNeedsABudget(double target) {
        assertThatThrownBy(() -> new ServiceLevelObjective("x", "x", Measure.SUCCESS_RATIO, target, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 100");
    }
}
