package dev.autopilot.reporting.incident;

import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The incident list as CSV, for a spreadsheet: the same filters and order as {@code GET /incidents}. */
@Path("/incidents.csv")
public class IncidentExportResource {

    private final IncidentRecordRepository incidents;

    @Inject
    public IncidentExportResource(IncidentRecordRepository incidents) {
        this.incidents = incidents;
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public Response export(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("service") String service,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("text") String text,
            @QueryParam("sort") String sort, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        IncidentQuery query = IncidentQuery.parseExport(status, severity, type, service, from, to, text, sort,
                offset, limit);
        String csv = IncidentCsv.of(incidents.search(query).stream().map(IncidentView::from).toList());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"incidents.csv\"").build();
    }
}
