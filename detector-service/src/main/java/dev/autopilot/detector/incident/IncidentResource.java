package dev.autopilot.detector.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.Severity;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The incidents the detector owns: their state, and what people do to them. */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentRepository incidents;
    private final IncidentService lifecycle;
    private final SecurityIdentity caller;
    private final ObjectMapper json;

    @Inject
    public IncidentResource(IncidentRepository incidents, IncidentService lifecycle, SecurityIdentity caller,
            ObjectMapper json) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.caller = caller;
        this.json = json;
    }

    /** Newest first; filter by status and severity; page with offset and limit. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<IncidentView> list(@QueryParam("status") String status,
            @QueryParam("severity") String severity,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return incidents.search(parse(IncidentStatus.class, "status", status), parse(Severity.class, "severity", severity),
                offset, limit).stream().map(IncidentView::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public IncidentView get(@PathParam("id") String id) {
        UUID incidentId = parse(id);
        return incidents.findByIdOptional(incidentId).map(IncidentView::from)
                .orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.RESPONDER)
    public IncidentView acknowledge(@PathParam("id") String id, String body) {
        return IncidentView.from(lifecycle.acknowledge(parse(id), caller.getPrincipal().getName(),
                TransitionRequest.read(json, body).note()));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.RESPONDER)
    public IncidentView resolve(@PathParam("id") String id, String body) {
        return IncidentView.from(lifecycle.resolve(parse(id), caller.getPrincipal().getName(),
                TransitionRequest.read(json, body).note()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("incident", id);
        }
    }
}
