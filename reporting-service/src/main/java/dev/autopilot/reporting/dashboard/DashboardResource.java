package dev.autopilot.reporting.dashboard;

import dev.autopilot.support.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The dashboard: one server-rendered page that refreshes itself. Whoever may not read (no session, no viewer
 * token) is sent to sign in.
 */
@Path("/")
public class DashboardResource {

    private final DashboardService dashboard;
    private final SecurityIdentity identity;
    private final Template page;
    private final Sessions sessions;

    @Inject
    public DashboardResource(DashboardService dashboard, SecurityIdentity identity,
            @Location("dashboard.html") Template page, Sessions sessions) {
        this.dashboard = dashboard;
        this.identity = identity;
        this.page = page;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    public Response show() {
        if (identity.isAnonymous() || !identity.hasRole(Roles.VIEWER)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.ok(page.data("dashboard", dashboard.dashboard()).render())
                .header("Cache-Control", "no-store").build();
    }

    /** Ends the session. */
    @POST
    @Path("logout")
    @PermitAll
    public Response signOut() {
        return Response.seeOther(URI.create("/login")).header("Set-Cookie", sessions.clearCookie()).build();
    }
}
