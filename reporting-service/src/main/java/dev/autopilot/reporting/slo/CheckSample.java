package dev.autopilot.reporting.slo;

import java.time.Instant;

/**
 * One check sample of an indicator, as the SLOs read it.
 *
 * @param at            when it was observed
 * @param value         the measurement (1/0 for a probe, seconds for latency, percent for error rate)
 * @param periodSeconds the period a statistic covers; null for a probe
 */
public record CheckSample(Instant at, double value, Double periodSeconds) {
}
