package dev.autopilot.reporting.postmortem;

import dev.autopilot.reporting.incident.IncidentRecord;
import dev.autopilot.reporting.incident.IncidentRecordRepository;
import dev.autopilot.reporting.incident.IncidentStatus;
import dev.autopilot.reporting.incident.IncidentView;
import dev.autopilot.reporting.slo.SloService;
import dev.autopilot.reporting.slo.SloView;
import dev.autopilot.reporting.timeline.TimelineEntryRepository;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.Clock;

/**
 * A resolved incident's postmortem draft, in Markdown. Drawn when asked, from the timeline as it stands, so events
 * that arrive after the resolution are in it too.
 */
@Path("/incidents/{id}/postmortem")
public class PostmortemResource {

    private final IncidentRecordRepository incidents;
    private final TimelineEntryRepository timeline;
    private final SloService slos;
    private final Clock clock;

    @Inject
    public PostmortemResource(IncidentRecordRepository incidents, TimelineEntryRepository timeline, SloService slos,
            Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.slos = slos;
        this.clock = clock;
    }

    @GET
    @Produces("text/markdown; charset=UTF-8")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public String draft(@PathParam("id") String id) {
        IncidentRecord incident = incidents.findKnown(id).orElseThrow(() -> ProblemException.notFound("incident", id));
        if (incident.status() != IncidentStatus.RESOLVED) {
            throw ProblemException.conflict("incident " + id + " is not resolved: its postmortem draft follows the "
                    + "resolution");
        }
        return PostmortemDraft.render(IncidentView.from(incident),
                timeline.ofIncident(id).stream().map(TimelineEntryView::from).toList(),
                slos.budgetSpent(incident.openedAt(), incident.resolvedAt()), SloView.name(slos.longestWindow()),
                clock.instant());
    }
}
