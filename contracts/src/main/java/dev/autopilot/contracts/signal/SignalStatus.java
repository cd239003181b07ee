package dev.autopilot.contracts.signal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Whether a signal says a problem is present or has cleared. */
public enum SignalStatus {
    /** The condition holds (a CloudWatch {@code ALARM}, a firing Prometheus alert). */
    FIRING,
    /** The condition has cleared (a CloudWatch {@code OK}, a resolved alert). */
    RESOLVED,
    /** Not enough data to say (a CloudWatch {@code INSUFFICIENT_DATA}). */
    INSUFFICIENT_DATA,
    @JsonEnumDefaultValue
    UNKNOWN
}
