package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The classification rule table; see {@code detector.classification.rules[n]} in application.properties. */
@ConfigMapping(prefix = "detector.classification")
public interface ClassificationConfig {

    /** The rules, first match wins. */
    List<RuleConfig> rules();

    interface RuleConfig {

        /** The rule's name, shown in the incident's labels ({@code rule}). */
        String name();

        /** A Java regular expression the whole title (the alarm name) must match. */
        String pattern();

        Severity severity();

        /** The incident type, which picks the remediation playbook. */
        String type();
    }
}
