package dev.autopilot.contracts.remediation;

import dev.autopilot.contracts.Event;

/**
 * Events on {@code remediations.v1}, keyed by incident id (by remediation id when there is no incident). Produced by
 * the remediation service.
 */
public sealed interface RemediationEvent extends Event
        permits RemediationPlanned, RemediationStarted, RemediationStepSucceeded, RemediationStepFailed,
        RemediationAwaitingApproval, RemediationSucceeded, RemediationFailed, RemediationEscalated,
        RemediationUndone {

    String remediationId();

    /** The incident it answers; absent for a remediation that answers no incident (a scaling recommendation). */
    String incidentId();

    /** The incident id, or the remediation's own id when it answers no incident. */
    @Override
    default String subject() {
        return incidentId() != null ? incidentId() : remediationId();
    }
}
