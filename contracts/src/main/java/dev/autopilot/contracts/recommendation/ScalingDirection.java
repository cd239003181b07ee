package dev.autopilot.contracts.recommendation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Whether to add tasks or take some away. */
public enum ScalingDirection {
    OUT,
    IN,
    @JsonEnumDefaultValue
    UNKNOWN
}
