package dev.autopilot.remediation.run;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The remediations: what each incident's playbook does (in dry-run, would do), step by step. */
@Path("/remediations")
@Produces(MediaType.APPLICATION_JSON)
public class RemediationResource {

    private final RemediationRepository remediations;

    @Inject
    public RemediationResource(RemediationRepository remediations) {
        this.remediations = remediations;
    }

    /** Newest first; of one incident with {@code incidentId}; page with offset and limit. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<RemediationView> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return remediations.search(incidentIdOrNull(incidentId), offset, limit).stream()
                .map(RemediationView::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public RemediationView get(@PathParam("id") String id) {
        return uuid(id).flatMap(remediations::findByIdOptional).map(RemediationView::from)
                .orElseThrow(() -> ProblemException.notFound("remediation", id));
    }

    private static UUID incidentIdOrNull(String incidentId) {
        if (incidentId == null || incidentId.isBlank()) {
            return null;
        }
        return uuid(incidentId.trim())
                .orElseThrow(() -> ProblemException.invalidField("incidentId", "must be a UUID"));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
