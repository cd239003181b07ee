package dev.autopilot.reporting.incident;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The history of incidents, as every service's events tell it. */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentRecordRepository incidents;

    @Inject
    public IncidentResource(IncidentRecordRepository incidents) {
        this.incidents = incidents;
    }

    /**
     * Newest first, or by {@code sort}; filter by {@code status}, {@code severity}, {@code type}, {@code service},
     * the opening time ({@code from} inclusive, {@code to} exclusive) and {@code text}; page with {@code offset}
     * and {@code limit}.
     */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<IncidentView> list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("service") String service,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("text") String text,
            @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        IncidentQuery query = IncidentQuery.parse(status, severity, type, service, from, to, text, sort, offset,
                limit);
        return incidents.search(query).stream().map(IncidentView::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public IncidentView get(@PathParam("id") String id) {
        return incidents.findKnown(id).map(IncidentView::from)
                .orElseThrow(() -> ProblemException.notFound("incident", id));
    }
}
