package dev.autopilot.contracts.remediation;

import dev.autopilot.contracts.Event;

/** Events on {@code remediations.v1}, keyed by incident id. Produced by the remediation service. */
public sealed interface RemediationEvent extends Event
        permits RemediationPlanned, RemediationSucceeded, RemediationFailed {

    String remediationId();

    String incidentId();

    @Override
    default String subject() {
        return incidentId();
    }
}
