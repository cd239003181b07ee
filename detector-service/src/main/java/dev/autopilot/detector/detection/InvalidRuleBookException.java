package dev.autopilot.detector.detection;

/** The rule table cannot be used: the message names each line and its problem. */
public class InvalidRuleBookException extends RuntimeException {

    public InvalidRuleBookException(String message) {
        super(message);
    }
}
