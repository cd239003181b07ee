package dev.autopilot.detector.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.Severity;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.problem.QueryParams;
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
import java.util.List;
import java.util.UUID;

/** The incidents the detector owns: their state, their conditions and evidence, and what people do to them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentRepository incidents;
    private final ConditionRepository conditions;
    private final IncidentSignalRepository evidence;
    private final IncidentService lifecycle;
    private final SecurityIdentity caller;
    private final ObjectMapper json;

    @Inject
    public IncidentResource(IncidentRepository incidents, ConditionRepository conditions,
            IncidentSignalRepository evidence, IncidentService lifecycle, SecurityIdentity caller, ObjectMapper json) {
        this.incidents = incidents;
        this.conditions = conditions;
        this.evidence = evidence;
        this.lifecycle = lifecycle;
        this.caller = caller;
        this.json = json;
    }

    /** Newest first; filter by status, severity, type, service and opening time (from inclusive, to exclusive). */
    @GET
    @Path("incidents")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<IncidentView> list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("type") String type, @QueryParam("service") String service,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        IncidentRepository.Filter filter = new IncidentRepository.Filter(
                QueryParams.enumOf(IncidentStatus.class, "status", status),
                QueryParams.enumOf(Severity.class, "severity", severity),
                QueryParams.text(type), QueryParams.text(service),
                QueryParams.instant("from", from), QueryParams.instant("to", to));
        return incidents.search(filter, offset, limit).stream().map(IncidentView::from).toList();
    }

    /** One incident with its conditions. */
    @GET
    @Path("incidents/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public IncidentView get(@PathParam("id") String id) {
        UUID incidentId = QueryParams.id("incident", id);
        Incident incident = incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("incident", id));
        return IncidentView.from(incident, conditions.ofIncident(incidentId));
    }

    /** The signals that changed something about an incident, in the order they arrived. */
    @GET
    @Path("signals")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<SignalView> signals(@QueryParam("incidentId") String incidentId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        UUID id = QueryParams.uuid("incidentId", incidentId);
        if (id == null) {
            throw ProblemException.invalidField("incidentId", "is required");
        }
        return evidence.ofIncident(id, offset, limit).stream().map(SignalView::from).toList();
    }

    @POST
    @Path("incidents/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.RESPONDER)
    public IncidentView acknowledge(@PathParam("id") String id, String body) {
        return IncidentView.from(lifecycle.acknowledge(QueryParams.id("incident", id), caller.getPrincipal().getName(),
                TransitionRequest.read(json, body).note()));
    }

    @POST
    @Path("incidents/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.RESPONDER)
    public IncidentView resolve(@PathParam("id") String id, String body) {
        return IncidentView.from(lifecycle.resolve(QueryParams.id("incident", id), caller.getPrincipal().getName(),
                TransitionRequest.read(json, body).note()));
    }
}
