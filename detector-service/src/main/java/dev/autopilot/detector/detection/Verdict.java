package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import java.time.Duration;

/** What the rule table makes of one signal. */
public sealed interface Verdict {

    /**
     * A problem condition, firing or cleared, identified by the signal's fingerprint.
     *
     * @param debounced whether the source debounces itself (an alarm's OK), so clearing needs no hold-down
     */
    record Condition(boolean firing, Severity severity, String type, String group, String service, String agent,
            String rule, boolean debounced) implements Verdict {
    }

    /** Scale the service out or in: not an incident. */
    record Scale(ScalingDirection direction, String service, String rule, Double threshold, Duration heldFor)
            implements Verdict {
    }

    /** Nothing to do (a sample within bounds of a condition that never fired, a state without meaning). */
    record Nothing(String why) implements Verdict {
    }
}
