package dev.autopilot.remediation.approval;

import dev.autopilot.remediation.run.Remediation;
import dev.autopilot.remediation.run.RemediationRepository;
import dev.autopilot.support.problem.QueryParams;
import dev.autopilot.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The steps waiting for a person, and the decisions on them. */
@Path("/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalRepository approvals;
    private final RemediationRepository remediations;
    private final ApprovalService decisions;
    private final SecurityIdentity caller;

    @Inject
    public ApprovalResource(ApprovalRepository approvals, RemediationRepository remediations,
            ApprovalService decisions, SecurityIdentity caller) {
        this.approvals = approvals;
        this.remediations = remediations;
        this.decisions = decisions;
        this.caller = caller;
    }

    /** Oldest first; {@code status} defaults to {@code PENDING}, {@code all} lists every one. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public List<ApprovalView> list(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        ApprovalStatus wanted = "all".equalsIgnoreCase(status) ? null
                : QueryParams.enumOf(ApprovalStatus.class, "status", status);
        List<Approval> page = approvals.search(wanted, offset, limit);
        Map<UUID, Remediation> byId = page.stream().map(Approval::remediationId).distinct()
                .map(id -> remediations.findById(id)).collect(Collectors.toMap(Remediation::id, Function.identity()));
        return page.stream().map(approval -> ApprovalView.from(approval, byId.get(approval.remediationId()))).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESPONDER)
    public ApprovalView approve(@PathParam("id") String id, @Valid DecisionRequest request) {
        return ApprovalView.from(decisions.approve(QueryParams.id("approval", id), caller.getPrincipal().getName(),
                request == null ? null : request.note()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESPONDER)
    public ApprovalView reject(@PathParam("id") String id, @Valid DecisionRequest request) {
        return ApprovalView.from(decisions.reject(QueryParams.id("approval", id), caller.getPrincipal().getName(),
                request == null ? null : request.note()));
    }
}
