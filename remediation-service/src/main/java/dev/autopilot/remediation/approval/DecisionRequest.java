package dev.autopilot.remediation.approval;

import jakarta.validation.constraints.Size;

/**
 * A person's approval or rejection.
 *
 * @param note why, for the audit trail; optional
 */
public record DecisionRequest(@Size(max = 2000) String note) {
}
