package dev.autopilot.detector.intake;

import dev.autopilot.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A 429 carries {@code Retry-After}. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(IntakeGuard.RateLimited e, UriInfo uri) {
        return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                .entity(e.toProblem("/" + uri.getPath().replaceFirst("^/", ""))).type(Problem.MEDIA_TYPE).build();
    }
}
