package dev.autopilot.detector.detection;

import java.time.Instant;

/**
 * How long a rule's condition has held for one fingerprint, and when it last recommended something: what makes
 * "CPU above 70 % for 2 minutes" work across samples.
 *
 * @param since         since when the condition holds
 * @param recommendedAt when this state last produced a recommendation, if it did
 */
public record RuleState(Instant since, Instant recommendedAt) {

    public RuleState recommended(Instant at) {
        return new RuleState(since, at);
    }
}
