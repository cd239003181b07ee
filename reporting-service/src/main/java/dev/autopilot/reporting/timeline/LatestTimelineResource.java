package dev.autopilot.reporting.timeline;

import dev.autopilot.reporting.QueryParameters;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What happened lately, everywhere: the newest entries of every incident's and every service's timeline. */
@Path("/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class LatestTimelineResource {

    static final int MAX_LIMIT = 500;

    private final TimelineEntryRepository timeline;
    private final Clock clock;

    @Inject
    public LatestTimelineResource(TimelineEntryRepository timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Newest first: entries at or after {@code from} (default: 7 days before {@code to}) and before {@code to} (default: now). */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<TimelineEntryView> latest(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        Instant given = QueryParameters.instant("to", to);
        Instant end = given != null ? given : clock.instant().plusSeconds(1);
        Instant since = QueryParameters.instant("from", from);
        Instant start = since != null ? since : end.minus(Duration.ofDays(7));
        int size = QueryParameters.number("limit", limit, 50, 1, MAX_LIMIT);
        return timeline.latest(start, end, size).stream().map(TimelineEntryView::from).toList();
    }
}
