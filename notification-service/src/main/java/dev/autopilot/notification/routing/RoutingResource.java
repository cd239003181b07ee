package dev.autopilot.notification.routing;

import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/** The escalation policies and routing table in force, and who is on call now. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class RoutingResource {

    private final Router router;
    private final Clock clock;

    @Inject
    public RoutingResource(Router router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @GET
    @Path("policies")
    public PolicyView policies() {
        return PolicyView.from(router);
    }

    @GET
    @Path("oncall")
    public OnCallView onCall() {
        Instant now = clock.instant();
        return OnCallView.from(router.roster().onCall(now), now);
    }
}
