package dev.autopilot.remediation.audit;

import dev.autopilot.support.problem.QueryParams;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit trail: every step and every human decision, chained by hash; and the check of the chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int VERIFY_PAGE = 1_000;

    private final AuditTrail trail;

    @Inject
    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /** In the order they were recorded; of one incident and/or one remediation. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<AuditView> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("remediationId") String remediationId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return trail.search(QueryParams.uuid("incidentId", incidentId),
                QueryParams.uuid("remediationId", remediationId), offset, limit).stream().map(AuditView::from).toList();
    }

    /**
     * What checking the chain found.
     *
     * @param valid   whether every record holds
     * @param records how many were checked
     * @param brokenAt the first record that does not hold, if any
     * @param reason  what is wrong with it
     */
    public record VerificationView(boolean valid, long records, Long brokenAt, String reason) {
    }

    /** Checks every record's hash and link, from the first. */
    @GET
    @Path("/verification")
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public VerificationView verify() {
        AuditTrail.Verification verification = trail.verify(VERIFY_PAGE);
        return new VerificationView(verification.valid(), verification.records(),
                verification.broken().map(AuditChain.Break::seq).orElse(null),
                verification.broken().map(AuditChain.Break::reason).orElse(null));
    }
}
