package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Instant;
import java.util.List;

/** One of the runbook's responses: the ordered calls it makes for an incident of the type it serves. */
public interface Playbook {

    /** The playbook's name: the incident type it serves ({@code outage}, {@code degradation}, ...). */
    String name();

    /** The steps it would take for the incident, in order, with their parameters as of {@code now}. */
    List<PlaybookStep> plan(IncidentOpened incident, Instant now);
}
