package dev.autopilot.contracts.remediation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Whether a remediation changes anything: {@code LIVE} sends its requests, {@code DRY_RUN} only records them. */
public enum ExecutionMode {
    LIVE,
    DRY_RUN,
    @JsonEnumDefaultValue
    UNKNOWN
}
