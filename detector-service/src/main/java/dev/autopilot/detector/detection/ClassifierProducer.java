package dev.autopilot.detector.detection;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the classifier from configuration once; a bad pattern stops the start with the rule's name. */
public class ClassifierProducer {

    @Produces
    @Singleton
    Classifier classifier(ClassificationConfig config) {
        return new Classifier(config.rules().stream().map(rule -> {
            try {
                return new Classifier.Rule(rule.name(), Pattern.compile(rule.pattern()), rule.severity(), rule.type());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("detector.classification rule '" + rule.name()
                        + "' has a bad pattern: " + e.getDescription(), e);
            }
        }).toList());
    }
}
