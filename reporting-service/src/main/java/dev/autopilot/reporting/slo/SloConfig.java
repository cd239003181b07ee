package dev.autopilot.reporting.slo;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-level objectives, computed from the detector's check samples ({@code SignalReceived} with source
 * {@code check} and an {@code sli} label): {@code reporting.slo.*}. The runbook's three are in
 * {@code application.properties}.
 */
public interface SloConfig {

    /** The objectives by name: {@code reporting.slo.objectives.<name>.*}. */
    Map<String, Objective> objectives();

    /** The rolling windows each objective is reported over. */
    @WithDefault("7d,28d")
    List<Duration> windows();

    /** The long window of the paging burn-rate alert (its short window is a twelfth of it). */
    @WithDefault("1h")
    Duration pageWindow();

    /** The share of an SLO window's error budget, in percent, whose burning within the page window pages. */
    @WithDefault("2")
    double pageBudgetPercent();

    /** The long window of the ticket burn-rate alert. */
    @WithDefault("6h")
    Duration ticketWindow();

    /** The share of an SLO window's error budget, in percent, whose burning within the ticket window files a ticket. */
    @WithDefault("5")
    double ticketBudgetPercent();

    interface Objective {

        /** The {@code sli} label of the samples it reads: {@code availability}, {@code latency}, {@code error-rate}. */
        String indicator();

        /** How a sample counts: {@code success-ratio}, {@code below-threshold}, {@code percent-bad}. */
        Measure measure();

        /** The objective, in percent of good weight (99.5). */
        double target();

        /** For {@code below-threshold}: the value a sample must stay under (45, in seconds). */
        Optional<Double> threshold();
    }
}
