package dev.autopilot.remediation.playbook;

import dev.autopilot.remediation.run.RemediationPlanner;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The playbooks as configured, and what one would do for an incident, without side effects. */
@Path("/playbooks")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookResource {

    private final PlaybookSelector playbooks;
    private final RemediationPlanner planner;

    @Inject
    public PlaybookResource(PlaybookSelector playbooks, RemediationPlanner planner) {
        this.playbooks = playbooks;
        this.planner = planner;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<PlaybookView> list() {
        Map<String, List<String>> types = playbooks.typesByPlaybook();
        return playbooks.all().stream().map(playbook -> {
            RemediationPlanner.Preview preview = planner.preview(playbook,
                    new Occasion(null, playbook.name(), "", Map.of()), Optional.empty());
            return new PlaybookView(playbook.name(), types.get(playbook.name()), preview.mode(), preview.target(),
                    PlannedStepView.from(preview.steps()));
        }).toList();
    }

    /** The plan the incident type's playbook would run for the incident described; nothing is recorded or sent. */
    @POST
    @Path("/{type}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public PlanView plan(@PathParam("type") String type, @Valid PlanRequest request) {
        PlanRequest incident = request == null ? new PlanRequest(null, null, null) : request;
        Playbook playbook = playbooks.select(type);
        RemediationPlanner.Preview preview = planner.preview(playbook,
                new Occasion(incident.incidentId(), type, incident.title(), incident.labels()), Optional.empty());
        return new PlanView(preview.playbook(), preview.mode(), preview.target(), PlannedStepView.from(preview.steps()));
    }
}
