package dev.autopilot.reporting.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A service-level objective over check samples, and its arithmetic: attainment, error budget and burn rate. A
 * window is {@code [end - length, end)}: a sample at its start counts, one at its end does not.
 *
 * @param name      its name in the API ({@code availability})
 * @param indicator the samples' {@code sli} label
 * @param measure   how a sample counts
 * @param target    the objective, in percent (99.5)
 * @param threshold the threshold a {@link Measure#BELOW_THRESHOLD} sample must stay under (45 s)
 */
public record ServiceLevelObjective(String name, String indicator, Measure measure, double target, Double threshold) {

    public ServiceLevelObjective {
        if (!(target > 0 && target < 100)) {
            throw new IllegalArgumentException("the target of SLO " + name + " must be between 0 and 100 percent, "
                    + "exclusive (a 100 % objective has no error budget), got " + target);
        }
        if (measure == Measure.BELOW_THRESHOLD && threshold == null) {
            throw new IllegalArgumentException("SLO " + name + " measures samples below a threshold: set one");
        }
    }

    /**
     * How an objective stands over one window.
     *
     * @param window          the window's length
     * @param from            its start (inclusive)
     * @param to              its end (exclusive)
     * @param samples         how many samples fell in it
     * @param attainment      the good share, in percent; null without samples
     * @param budgetRemaining the error budget left, in percent of the budget (negative when overspent); null
     *                        without samples
     * @param met             whether the attainment reaches the target; null without samples
     */
    public record Standing(Duration window, Instant from, Instant to, long samples, Double attainment,
            Double budgetRemaining, Boolean met) {
    }

    /** The error budget: the share of weight allowed to be bad, 0..1. */
    public double budget() {
        return 1 - target / 100;
    }

    /** Where the objective stands over {@code [end - window, end)}. */
    public Standing standing(List<CheckSample> samples, Duration window, Instant end) {
        Instant from = end.minus(window);
        Tally tally = tally(samples, from, end);
        if (tally.count == 0) {
            return new Standing(window, from, end, 0, null, null, null);
        }
        double attainment = tally.good / tally.total;
        double consumed = (1 - attainment) / budget();
        return new Standing(window, from, end, tally.count, attainment * 100, (1 - consumed) * 100,
                attainment * 100 >= target);
    }

    /**
     * How fast the budget burns over {@code [end - window, end)}: the bad share over the budget. 1 spends the
     * budget exactly over the SLO window; null without samples.
     */
    public Double burnRate(List<CheckSample> samples, Duration window, Instant end) {
        Tally tally = tally(samples, end.minus(window), end);
        return tally.count == 0 ? null : (1 - tally.good / tally.total) / budget();
    }

    /**
     * The share of the budget of the SLO window ending at {@code windowEnd} that the bad weight within
     * {@code [from, to)} spent, in percent; null without samples in the SLO window.
     */
    public Double budgetSpent(List<CheckSample> samples, Instant from, Instant to, Duration sloWindow,
            Instant windowEnd) {
        Tally window = tally(samples, windowEnd.minus(sloWindow), windowEnd);
        if (window.count == 0) {
            return null;
        }
        Tally during = tally(samples, from, to);
        return (during.total - during.good) / (budget() * window.total) * 100;
    }

    /**
     * The budget left over the SLO window ending at {@code end}, as it stood at each of {@code points} evenly
     * spaced instants of the window (the last one {@code end}): a burndown, spent against the whole window's
     * allowance. Empty without samples.
     */
    public List<Double> burndown(List<CheckSample> samples, Duration sloWindow, Instant end, int points) {
        Instant from = end.minus(sloWindow);
        Tally window = tally(samples, from, end);
        List<Double> series = new ArrayList<>();
        if (window.count == 0) {
            return series;
        }
        double allowance = budget() * window.total;
        for (int i = 1; i <= points; i++) {
            Instant at = from.plus(sloWindow.multipliedBy(i).dividedBy(points));
            Tally sofar = tally(samples, from, i == points ? end : at);
            series.add((1 - (sofar.total - sofar.good) / allowance) * 100);
        }
        return series;
    }

    private Tally tally(List<CheckSample> samples, Instant from, Instant to) {
        Tally tally = new Tally();
        for (CheckSample sample : samples) {
            if (!sample.at().isBefore(from) && sample.at().isBefore(to)) {
                double weight = measure.weight(sample.periodSeconds());
                tally.count++;
                tally.total += weight;
                tally.good += measure.good(sample.value(), threshold, weight);
            }
        }
        return tally;
    }

    private static final class Tally {
        long count;
        double total;
        double good;
    }
}
