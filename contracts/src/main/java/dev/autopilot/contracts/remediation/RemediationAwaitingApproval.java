package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * A step marked {@code requiresApproval} waits for a person to approve or reject it.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers, if any
 * @param approvalId    the approval to decide ({@code POST /approvals/{id}/approve} on the remediation service)
 * @param order         the waiting step's position in the plan
 * @param name          what the step would do
 * @param expiresAt     when the request times out and escalates
 * @param requestedAt   when
 */
public record RemediationAwaitingApproval(
        String remediationId,
        String incidentId,
        String approvalId,
        int order,
        String name,
        Instant expiresAt,
        Instant requestedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
