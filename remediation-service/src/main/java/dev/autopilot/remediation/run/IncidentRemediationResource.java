package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.problem.QueryParams;
import dev.autopilot.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** A playbook run by hand for an incident (admin). */
@Path("/incidents/{incidentId}/remediations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentRemediationResource {

    private final RemediationService service;
    private final RemediationDetails details;
    private final SecurityIdentity caller;

    @Inject
    public IncidentRemediationResource(RemediationService service, RemediationDetails details,
            SecurityIdentity caller) {
        this.service = service;
        this.details = details;
        this.caller = caller;
    }

    /**
     * Plans and runs the playbook (201 with the remediation); with an {@code Idempotency-Key} a repeated request
     * answers with the remediation it planned the first time (200).
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response run(@PathParam("incidentId") String incidentId, @Valid @NotNull ManualRunRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID incident = QueryParams.uuid("incidentId", incidentId);
        Optional<ExecutionMode> mode = Optional.ofNullable(QueryParams.enumOf(ExecutionMode.class, "mode",
                request.mode()));
        if (mode.filter(m -> m == ExecutionMode.UNKNOWN).isPresent()) {
            throw ProblemException.invalidField("mode", "must be live or dry-run");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : idempotencyKey.trim();
        Occasion occasion = new Occasion(incident.toString(),
                request.type() == null ? request.playbook() : request.type(), request.title(), request.labels());
        RemediationService.Planned planned = service.manual(incident, request.playbook(), occasion, mode,
                caller.getPrincipal().getName(), key);
        RemediationDetailView view = details.of(planned.remediation());
        return (planned.created() ? Response.created(URI.create("/remediations/" + view.remediation().id()))
                : Response.ok()).entity(view).build();
    }
}
