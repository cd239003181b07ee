package dev.autopilot.remediation.run;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.problem.QueryParams;
import dev.autopilot.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The remediations: what each playbook run did (in dry-run, would do), step by step, and their undo. */
@Path("/remediations")
@Produces(MediaType.APPLICATION_JSON)
public class RemediationResource {

    private final RemediationRepository remediations;
    private final RemediationDetails details;
    private final RemediationService service;
    private final SecurityIdentity caller;

    @Inject
    public RemediationResource(RemediationRepository remediations, RemediationDetails details,
            RemediationService service, SecurityIdentity caller) {
        this.remediations = remediations;
        this.details = details;
        this.service = service;
        this.caller = caller;
    }

    /** Newest first; filter by incident, status, target and planning time (from inclusive, to exclusive). */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<RemediationView> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("status") String status, @QueryParam("target") String target,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        RemediationRepository.Filter filter = new RemediationRepository.Filter(
                QueryParams.uuid("incidentId", incidentId),
                QueryParams.enumOf(RemediationStatus.class, "status", status),
                QueryParams.text(target), QueryParams.instant("from", from), QueryParams.instant("to", to));
        return remediations.search(filter, offset, limit).stream().map(RemediationView::from).toList();
    }

    /** One remediation with its steps, evidence, approvals and audit records. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public RemediationDetailView get(@PathParam("id") String id) {
        return remediations.findByIdOptional(QueryParams.id("remediation", id)).map(details::of)
                .orElseThrow(() -> ProblemException.notFound("remediation", id));
    }

    /** Restores what a finished remediation changed; the engine runs the restoring calls (202). */
    @POST
    @Path("/{id}/undo")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response undo(@PathParam("id") String id) {
        Remediation remediation = service.undo(QueryParams.id("remediation", id), caller.getPrincipal().getName());
        return Response.accepted(details.of(remediation)).build();
    }
}
