package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The span of time evidence covers (metrics, logs), in whole seconds.
 *
 * @param from where it starts
 * @param to   where it ends: the moment of planning
 */
record EvidenceWindow(Instant from, Instant to) {

    /** The window of the given length that ends at {@code now}. */
    static EvidenceWindow before(Instant now, Duration length) {
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        return new EvidenceWindow(to.minus(length), to);
    }
}
