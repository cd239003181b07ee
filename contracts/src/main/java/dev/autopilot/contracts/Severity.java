package dev.autopilot.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The runbook's severities: P0 total outage, P1 degradation, P2 one function failing, P3 informational. */
public enum Severity {
    P0,
    P1,
    P2,
    P3,
    /** A severity this version of the contracts does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** True when this severity is more urgent than the other (P0 is the most urgent). */
    public boolean isWorseThan(Severity other) {
        return this != UNKNOWN && (other == UNKNOWN || ordinal() < other.ordinal());
    }
}
