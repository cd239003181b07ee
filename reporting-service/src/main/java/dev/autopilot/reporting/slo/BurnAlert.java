package dev.autopilot.reporting.slo;

import java.time.Duration;

/**
 * One alert of the SRE workbook's multi-window, multi-burn-rate method: it fires when the error budget burns fast
 * enough, over a long window and over a short one (a twelfth of it) alike, that the given share of a whole SLO
 * window's budget would be gone within the long window. With 2 % in 1 h and 5 % in 6 h over 30 days, that is the
 * workbook's burn rates of 14.4 and 6; the thresholds scale with the SLO window.
 *
 * @param name        {@code page} or {@code ticket}
 * @param window      the long window (1 h, 6 h)
 * @param budgetShare the share of the SLO window's budget, 0..1 (0.02, 0.05)
 */
public record BurnAlert(String name, Duration window, double budgetShare) {

    /** The short window that confirms the burn is still going on: a twelfth of the long one (5 min, 30 min). */
    public Duration shortWindow() {
        return window.dividedBy(12);
    }

    /** The burn rate above which the alert fires, for an SLO over {@code sloWindow}. */
    public double threshold(Duration sloWindow) {
        return budgetShare * sloWindow.toSeconds() / window.toSeconds();
    }

    /** Whether both burn rates exceed the threshold; never without data in both windows. */
    public boolean firing(Double longBurnRate, Double shortBurnRate, Duration sloWindow) {
        double threshold = threshold(sloWindow);
        return longBurnRate != null && shortBurnRate != null && longBurnRate > threshold && shortBurnRate > threshold;
    }
}
