package dev.autopilot.reporting.measure;

import dev.autopilot.reporting.QueryParameters;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** MTTA, MTTR, automation share, remediation success and rollbacks of the incidents opened in a period. */
@Path("/measures")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    /** The longest period one request may cover. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final MeasureService measures;
    private final Clock clock;

    @Inject
    public MeasureResource(MeasureService measures, Clock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    /**
     * Incidents opened at or after {@code from} (default: 28 days before {@code to}) and before {@code to} (default:
     * now), grouped by {@code groupBy}: {@code none} (default), {@code severity}, {@code service}, {@code day},
     * {@code week}, {@code month}.
     */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public MeasuresView measures(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        Instant given = QueryParameters.instant("to", to);
        Instant end = given != null ? given : clock.instant();
        Instant since = QueryParameters.instant("from", from);
        Instant start = since != null ? since : end.minus(Duration.ofDays(28));
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalidField("from", "the period may cover at most 366 days");
        }
        GroupBy grouping = QueryParameters.constant(GroupBy.class, "groupBy", groupBy);
        return measures.measures(start, end, grouping == null ? GroupBy.NONE : grouping);
    }
}
