package dev.autopilot.contracts.incident;

import dev.autopilot.contracts.Event;

/** Events on {@code incidents.v1}, keyed by incident id. Produced by the detector, the incident's owner. */
public sealed interface IncidentEvent extends Event
        permits IncidentOpened, IncidentAcknowledged, IncidentResolved, IncidentEscalated, IncidentReopened {

    String incidentId();

    @Override
    default String subject() {
        return incidentId();
    }
}
