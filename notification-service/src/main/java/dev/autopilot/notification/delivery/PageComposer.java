package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Page;
import dev.autopilot.support.links.LinksConfig;
import dev.autopilot.support.links.SignedLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes a delivery's message when it is sent, so it says what is true then: what remediation is doing, which pages
 * a storm summary carries, and an acknowledge link signed for the recipient, valid from now for the configured
 * time ({@code autopilot.links.ttl}).
 */
@ApplicationScoped
public class PageComposer {

    static final int SUMMARY_LINES = 10;

    private final EntityManager entities;
    private final DeliveryRepository deliveries;
    private final LinksConfig links;
    private final Optional<SignedLinks> signer;
    private final Clock clock;

    @Inject
    public PageComposer(EntityManager entities, DeliveryRepository deliveries, LinksConfig links, Clock clock) {
        this.entities = entities;
        this.deliveries = deliveries;
        this.links = links;
        this.signer = links.secret().filter(s -> !s.isBlank()).map(SignedLinks::new);
        this.clock = clock;
    }

    /** One line about an incident: {@code [P0] outage on t-developer-service-production: <title>}. */
    public static String headline(Page.Incident incident) {
        StringBuilder line = new StringBuilder("[").append(incident.severity()).append("] ").append(incident.type());
        if (incident.service() != null && !incident.service().isBlank()) {
            line.append(" on ").append(incident.service());
        }
        return line.append(": ").append(incident.title()).toString();
    }

    public Page compose(Delivery delivery) {
        Page.Incident incident = delivery.incident();
        Page.Recipient recipient = new Page.Recipient(delivery.recipient(), delivery.recipientName(),
                delivery.recipientRole(), delivery.address());
        URI action = delivery.actionUrl() == null ? null : URI.create(delivery.actionUrl());
        String headline;
        String detail = delivery.detail();
        boolean acknowledgeable = false;
        switch (delivery.kind()) {
            case PAGE -> {
                headline = headline(incident);
                detail = remediationOf(incident.id()).orElse("No remediation has reported yet.");
                acknowledgeable = true;
            }
            case REMEDIATION -> {
                headline = "Remediation: " + headline(incident);
                acknowledgeable = true;
            }
            case ACKNOWLEDGED -> headline = "Acknowledged: " + headline(incident);
            case RESOLVED -> headline = "Resolved: " + headline(incident);
            case CUSTOMER_NOTICE -> headline = "Customer notice: " + headline(incident);
            case STORM_SUMMARY -> {
                List<Delivery> held = deliveries.carriedBy(delivery.id());
                headline = "Incident storm: " + held.size() + " page(s) held instead of sent one by one";
                detail = stormDetail(held);
            }
            default -> headline = delivery.incidentTitle();
        }
        URI acknowledge = acknowledgeable ? acknowledgeLink(incident.id(), delivery.recipient()) : null;
        URI timeline = incident == null ? null : under(links.reportingUrl(), "incidents/" + encode(incident.id())
                + "/timeline");
        return new Page(delivery.id().toString(), delivery.kind(), headline, incident, recipient,
                delivery.escalationStep(), detail, delivery.note(),
                new Page.Links(acknowledge, timeline, action, action == null ? null : delivery.actionLabel()));
    }

    /** The signed link that acknowledges the incident as the contact: {@code <detector>/ack/<token>}. */
    URI acknowledgeLink(String incidentId, String contactKey) {
        if (signer.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        String token = signer.get().sign(List.of("acknowledge", incidentId, contactKey), now.plus(links.ttl()));
        return under(links.detectorUrl(), "ack/" + token);
    }

    private Optional<String> remediationOf(String incidentId) {
        List<?> found = entities.createNativeQuery("SELECT remediation FROM incident WHERE incident_id = :id")
                .setParameter("id", incidentId).getResultList();
        return found.stream().filter(r -> r != null).map(Object::toString).findFirst();
    }

    private static String stormDetail(List<Delivery> held) {
        StringBuilder detail = new StringBuilder();
        held.stream().limit(SUMMARY_LINES).forEach(page -> detail.append(detail.length() == 0 ? "" : "\n")
                .append(headline(page.incident())));
        if (held.size() > SUMMARY_LINES) {
            detail.append("\n… and ").append(held.size() - SUMMARY_LINES).append(" more");
        }
        return detail.toString();
    }

    static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
