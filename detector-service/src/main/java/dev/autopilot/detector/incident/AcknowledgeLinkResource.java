package dev.autopilot.detector.incident;

import dev.autopilot.support.links.LinksConfig;
import dev.autopilot.support.links.SignedLinks;
import dev.autopilot.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The acknowledge link a page carries: {@code /ack/{token}}, the token signed by the notification service for one
 * incident and one contact, valid for a while. Opening it shows the incident and a button (so a link previewer
 * that follows it acknowledges nothing); pressing the button acknowledges the incident as that contact. The token
 * is the credential: no bearer token is asked for.
 */
@Path("/ack/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AcknowledgeLinkResource {

    private final Optional<SignedLinks> links;
    private final IncidentRepository incidents;
    private final IncidentService lifecycle;
    private final Clock clock;

    @Inject
    public AcknowledgeLinkResource(LinksConfig config, IncidentRepository incidents, IncidentService lifecycle,
            Clock clock) {
        this.links = config.secret().map(SignedLinks::new);
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** What the link acknowledges, and the button that does it. */
    @GET
    @Transactional
    public String show(@PathParam("token") String token) {
        Claim claim = verify(token);
        Incident incident = incidents.findByIdOptional(claim.incidentId())
                .orElseThrow(() -> ProblemException.notFound("incident", claim.incidentId().toString()));
        String state = switch (incident.status()) {
            case OPEN -> "<form method=\"post\"><button type=\"submit\">Acknowledge as " + escape(claim.contact())
                    + "</button></form>";
            case ACKNOWLEDGED -> "<p>Already acknowledged by " + escape(incident.acknowledgedBy()) + ".</p>";
            case RESOLVED -> "<p>Already resolved by " + escape(incident.resolvedBy()) + ".</p>";
        };
        return page("Acknowledge " + incident.severity() + " " + incident.title(),
                "<p><strong>" + incident.severity() + " " + escape(incident.type()) + "</strong>: "
                        + escape(incident.title()) + "</p><p>Service: " + escape(incident.service()) + "<br>Opened: "
                        + incident.openedAt() + "<br>Status: " + incident.status() + "</p>" + state);
    }

    /** Acknowledges the incident as the link's contact. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public String acknowledge(@PathParam("token") String token) {
        Claim claim = verify(token);
        try {
            Incident incident = lifecycle.acknowledge(claim.incidentId(), claim.contact(), "acknowledged from a page");
            return page("Acknowledged", "<p>You acknowledged <strong>" + escape(incident.title())
                    + "</strong>. Escalation has stopped.</p>");
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return page("Nothing to do", "<p>" + escape(e.getMessage()) + "</p>");
            }
            throw e;
        }
    }

    private record Claim(UUID incidentId, String contact) {
    }

    private Claim verify(String token) {
        SignedLinks signer = links.orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "acknowledge links are not enabled here (autopilot.links.secret)"));
        SignedLinks.Claims claims = signer.verify(token, clock.instant())
                .filter(c -> c.fields().size() == 3 && "acknowledge".equals(c.fields().get(0)))
                .orElseThrow(() -> new ProblemException(403, "forbidden", "Forbidden",
                        "this acknowledge link is not valid, or it has expired"));
        List<String> fields = claims.fields();
        try {
            return new Claim(UUID.fromString(fields.get(1)), fields.get(2));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this acknowledge link names no incident");
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width\"></head><body><h1>" + escape(title)
                + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
