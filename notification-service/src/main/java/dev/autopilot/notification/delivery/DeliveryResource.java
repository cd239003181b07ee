package dev.autopilot.notification.delivery;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notifications (deliveries) sent, pending, failed or cancelled, with their attempts. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class DeliveryResource {

    private final DeliveryRepository deliveries;

    @Inject
    public DeliveryResource(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first; of one incident with {@code incidentId}; page with offset and limit. */
    @GET
    @Transactional
    public List<DeliveryView> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String incident = incidentId == null || incidentId.isBlank() ? null : incidentId.trim();
        return deliveries.search(incident, offset, limit).stream().map(DeliveryView::from).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DeliveryView get(@PathParam("id") String id) {
        return parse(id).flatMap(deliveries::findByIdOptional).map(DeliveryView::from)
                .orElseThrow(() -> ProblemException.notFound("notification", id));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
