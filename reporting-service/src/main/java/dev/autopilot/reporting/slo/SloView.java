package dev.autopilot.reporting.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An objective as {@code GET /slos} shows it: where it stands over each rolling window, and how fast its error
 * budget burns.
 *
 * @param target    in percent
 * @param threshold what a below-threshold sample must stay under; null for the others
 */
public record SloView(String name, String indicator, Measure measure, double target, Double threshold,
        List<Window> windows, List<BurnRate> burnRates) {

    /**
     * One rolling window.
     *
     * @param window          its length, e.g. {@code 28d}
     * @param attainment      the good share, in percent; null without samples
     * @param budgetRemaining the error budget left, in percent of the budget; negative when overspent
     * @param met             whether the attainment reaches the target
     * @param alerts          the burn-rate alerts, with their thresholds for this window
     * @param burndown        the budget left as it stood at the end of each day of the window (the last: now)
     */
    public record Window(String window, Instant from, Instant to, long samples, Double attainment,
            Double budgetRemaining, Boolean met, List<Alert> alerts, List<Double> burndown) {
    }

    /**
     * A burn-rate alert for one SLO window.
     *
     * @param name      {@code page} or {@code ticket}
     * @param window    its long window, {@code 1h} or {@code 6h}
     * @param threshold the burn rate above which it fires
     * @param firing    whether it does now
     */
    public record Alert(String name, String window, String shortWindow, double threshold, boolean firing) {
    }

    /**
     * The burn rate over one trailing window: 1 spends the budget exactly over the SLO window.
     *
     * @param burnRate null without samples in the window
     */
    public record BurnRate(String window, long samples, Double burnRate) {
    }

    /** A window's length as people write it: {@code 28d}, {@code 6h}, {@code 5m}, {@code 90s}. */
    public static String name(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
