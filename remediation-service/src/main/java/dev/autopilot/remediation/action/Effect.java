package dev.autopilot.remediation.action;

/** What an operation does to the world, which decides how a dry run treats it and whether it needs the target's lock. */
public enum Effect {
    /** Reads state; changes nothing. */
    READ,
    /** Reads state until a condition holds (a service becomes stable): a step that waits. */
    WAIT,
    /** Changes something: never sent in a dry run, keeps the state it replaced where it can be restored. */
    CHANGE,
    /** Records something in this service only. */
    NOTE
}
