package dev.autopilot.detector.check;

import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The detector's own checks: which run, how they went; an admin can run one now. */
@Path("/checks")
@Produces(MediaType.APPLICATION_JSON)
public class ChecksResource {

    /** A check as the API shows it. */
    public record CheckView(String name, Instant nextRunAt, Instant lastRunAt, boolean lastSucceeded,
            String lastError, int lastSamples) {

        static CheckView from(CheckRun run) {
            return new CheckView(run.name(), run.nextRunAt(), run.lastRunAt(), run.lastSucceeded(), run.lastError(),
                    run.lastSamples());
        }
    }

    private final CheckScheduler scheduler;

    @Inject
    public ChecksResource(CheckScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<CheckView> checks() {
        return scheduler.runs().stream().map(CheckView::from).toList();
    }

    @POST
    @Path("/{name}/run")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> run(@PathParam("name") String name) {
        return Map.of("check", name, "samples", scheduler.runNow(name));
    }
}
