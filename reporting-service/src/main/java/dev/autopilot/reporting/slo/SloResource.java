package dev.autopilot.reporting.slo;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;

/** The service-level objectives: attainment and error budget over each rolling window, and burn rates. */
@Path("/slos")
@Produces(MediaType.APPLICATION_JSON)
public class SloResource {

    private final SloService slos;
    private final Clock clock;

    @Inject
    public SloResource(SloService slos, Clock clock) {
        this.slos = slos;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<SloView> all() {
        return slos.standing(clock.instant());
    }

    @GET
    @Path("/{name}")
    @RolesAllowed(Roles.VIEWER)
    public SloView one(@PathParam("name") String name) {
        return slos.standing(name, clock.instant()).orElseThrow(() -> ProblemException.notFound("SLO", name));
    }
}
