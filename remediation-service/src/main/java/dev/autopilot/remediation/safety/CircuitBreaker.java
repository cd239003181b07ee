package dev.autopilot.remediation.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stops automation for a target after {@code failures} remediations in a row failed on it: until the newest of
 * those failures is {@code openFor} old, every new remediation of the target is handed to people instead. Then one
 * is let through again; if it fails too, the breaker opens again at once.
 *
 * @param failures consecutive failures that open the breaker
 * @param openFor  how long it stays open after the last of them
 */
public record CircuitBreaker(int failures, Duration openFor) {

    public CircuitBreaker {
        if (failures < 1 || openFor.isNegative()) {
            throw new IllegalArgumentException("a circuit breaker needs failures >= 1 and openFor >= 0");
        }
    }

    /**
     * How a finished remediation of the target ended.
     *
     * @param failed     whether it failed
     * @param finishedAt when it ended
     */
    public record Outcome(boolean failed, Instant finishedAt) {
    }

    /** Until when the breaker is open, given the target's finished remediations, newest first; empty when closed. */
    public Optional<Instant> openUntil(List<Outcome> newestFirst, Instant now) {
        if (newestFirst.size() < failures) {
            return Optional.empty();
        }
        for (int i = 0; i < failures; i++) {
            if (!newestFirst.get(i).failed()) {
                return Optional.empty();
            }
        }
        Instant until = newestFirst.get(0).finishedAt().plus(openFor);
        return now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
