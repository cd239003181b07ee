package dev.autopilot.reporting.report;

import dev.autopilot.reporting.QueryParameters;
import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** The reports: listed, served as JSON, Markdown or HTML, and run on demand. */
@Path("/reports")
public class ReportResource {

    static final String MARKDOWN = "text/markdown";
    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    private final ReportRepository reports;
    private final ReportService service;
    private final ReportingConfig config;
    private final Clock clock;

    @Inject
    public ReportResource(ReportRepository reports, ReportService service, ReportingConfig config, Clock clock) {
        this.reports = reports;
        this.service = service;
        this.config = config;
        this.clock = clock;
    }

    /** The newest reports first, of one {@code kind} or all; at most {@code limit} (1..200, default 20). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<ReportView> list(@QueryParam("kind") String kind, @QueryParam("limit") String limit) {
        ReportKind only = kind == null || kind.isBlank() ? null : kind(kind, "kind");
        return reports.latest(only, QueryParameters.number("limit", limit, 20, 1, 200)).stream()
                .map(ReportView::from).toList();
    }

    /** The report in the form the {@code Accept} header asks for: JSON (default), Markdown or HTML. */
    @GET
    @Path(ID)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML})
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Report report = find(id);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return form(report, "json");
            }
            if (accepted.isCompatible(MediaType.valueOf(MARKDOWN)) && !accepted.isWildcardType()) {
                return form(report, "md");
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.isWildcardType()) {
                return form(report, "html");
            }
        }
        return form(report, "json");
    }

    /** The report in the form its extension names: {@code .json}, {@code .md}, {@code .html}. */
    @GET
    @Path(ID + ".{format: json|md|html}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public Response byExtension(@PathParam("id") String id, @PathParam("format") String format) {
        return form(find(id), format);
    }

    /** Runs a report of the kind now (admin): the period before today, in the configured zone. */
    @POST
    @Path("/{kind}/run")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response run(@PathParam("kind") String kind) {
        Report report = service.run(kind(kind, "kind"), "manual", clock.instant(), config.zone());
        return Response.created(URI.create("/reports/" + report.id())).entity(ReportView.from(report)).build();
    }

    private Report find(String id) {
        return reports.byId(id).orElseThrow(() -> ProblemException.notFound("report", id));
    }

    private static ReportKind kind(String value, String field) {
        return ReportKind.of(value).orElseThrow(() -> ProblemException.invalidField(field,
                "must be one of daily, weekly, monthly"));
    }

    private static Response form(Report report, String format) {
        switch (format) {
            case "md":
                return Response.ok(report.markdown(), MARKDOWN + "; charset=UTF-8").build();
            case "html":
                return Response.ok(report.html(), MediaType.TEXT_HTML + "; charset=UTF-8").build();
            default:
                return Response.ok(report.content(), MediaType.APPLICATION_JSON).build();
        }
    }
}
