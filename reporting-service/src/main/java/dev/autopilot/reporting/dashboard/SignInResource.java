package dev.autopilot.reporting.dashboard;

import dev.autopilot.support.security.BearerTokens;
import dev.autopilot.support.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.logging.Logger;

/** Signing in to the dashboard once with a token that may read; a session cookie follows (signing out: {@link DashboardResource}). */
@Path("/login")
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class);

    private final BearerTokens tokens;
    private final Sessions sessions;
    private final Template login;

    @Inject
    public SignInResource(BearerTokens tokens, Sessions sessions, @Location("login.html") Template login) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.login = login;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    public String form() {
        return login.data(Map.of("failed", false)).render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    public Response signIn(@FormParam("token") String token) {
        boolean reads = token != null && tokens.roleOf(token.trim())
                .map(role -> Roles.grantedTo(role).contains(Roles.VIEWER)).orElse(false);
        if (!reads) {
            LOG.debug("dashboard sign-in refused");
            return Response.status(401).type(MediaType.TEXT_HTML_TYPE)
                    .entity(login.data(Map.of("failed", true)).render()).build();
        }
        return Response.seeOther(URI.create("/")).header("Set-Cookie", sessions.setCookie(sessions.open())).build();
    }
}
