package dev.autopilot.detector.detection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the rule table comes from. */
@ConfigMapping(prefix = "detector.rules")
public interface RulesConfig {

    /**
     * A YAML rule table to use instead of the built-in one (the runbook's, {@code detector-rules.yaml} in the
     * service's jar). A bad file stops the start with a message naming each line and problem.
     */
    Optional<String> file();

    /** A held scaling condition recommends again after this long. */
    @WithDefault("10m")
    Duration recommendEvery();
}
