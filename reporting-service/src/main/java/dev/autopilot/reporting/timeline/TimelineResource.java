package dev.autopilot.reporting.timeline;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An incident's timeline: every event of every service about it, in time order. */
@Path("/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final TimelineEntryRepository timeline;

    @Inject
    public TimelineResource(TimelineEntryRepository timeline) {
        this.timeline = timeline;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<TimelineEntryView> timeline(@PathParam("id") String id) {
        List<TimelineEntry> entries = timeline.ofIncident(id);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("incident", id);
        }
        return entries.stream().map(TimelineEntryView::from).toList();
    }
}
