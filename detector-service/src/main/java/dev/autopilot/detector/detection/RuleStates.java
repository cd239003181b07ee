package dev.autopilot.detector.detection;

import java.util.Optional;

/** Where the rule engine keeps the state of held conditions, per rule and fingerprint. */
public interface RuleStates {

    Optional<RuleState> get(String rule, String fingerprint);

    void put(String rule, String fingerprint, RuleState state);

    void remove(String rule, String fingerprint);
}
