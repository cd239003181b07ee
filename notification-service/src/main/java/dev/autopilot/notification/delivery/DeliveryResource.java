package dev.autopilot.notification.delivery;

import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The notifications: pages, notices and news sent, pending, prepared, failed, cancelled or suppressed. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class DeliveryResource {

    private final DeliveryRepository deliveries;
    private final DeliveryService service;

    @Inject
    public DeliveryResource(DeliveryRepository deliveries, DeliveryService service) {
        this.deliveries = deliveries;
        this.service = service;
    }

    /** A test message: to a contact, by a channel or the contact's first configured one. */
    public record TestRequest(@NotBlank String contact, String channel) {
    }

    /**
     * Newest first, filtered by incident, contact (key), channel, status, and creation time ({@code from}
     * inclusive, {@code to} exclusive, ISO-8601 instants); paged with offset and limit.
     */
    @GET
    @Transactional
    public List<DeliveryView> list(@QueryParam("incidentId") String incidentId,
            @QueryParam("contact") String contact, @QueryParam("channel") String channel,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        DeliveryFilter filter = new DeliveryFilter(blankToNull(incidentId), blankToNull(contact),
                blankToNull(channel), status(status), instant("from", from), instant("to", to));
        return deliveries.search(filter, offset, limit).stream().map(DeliveryView::from).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DeliveryView get(@PathParam("id") String id) {
        return deliveries.findWithAttempts(parse(id)).map(DeliveryView::from)
                .orElseThrow(() -> ProblemException.notFound("notification", id));
    }

    /** Sends a prepared notification (a customer notice) that waits for approval. */
    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.RESPONDER)
    public DeliveryView approve(@PathParam("id") String id, @Context SecurityContext caller) {
        return service.approve(parse(id), caller.getUserPrincipal().getName());
    }

    /** Drops a prepared notification that waits for approval. */
    @POST
    @Path("/{id}/discard")
    @RolesAllowed(Roles.RESPONDER)
    public DeliveryView discard(@PathParam("id") String id, @Context SecurityContext caller) {
        return service.discard(parse(id), caller.getUserPrincipal().getName());
    }

    /** Sends a test message to a contact; answers 202 with the notification, sent moments later. */
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response test(@Valid TestRequest request, @Context SecurityContext caller) {
        if (request == null) {
            throw ProblemException.badRequest("a body with the contact is required");
        }
        return Response.accepted(service.test(request.contact().trim(), blankToNull(request.channel()),
                caller.getUserPrincipal().getName())).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("notification", id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static DeliveryStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "one of " + List.of(DeliveryStatus.values()));
        }
    }

    private static Instant instant(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "an ISO-8601 instant, e.g. 2026-11-26T05:00:00Z");
        }
    }
}
