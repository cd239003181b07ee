package dev.autopilot.contracts;

/** A record that is not a valid event: it belongs in the dead-letter topic, not in a retry loop. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
