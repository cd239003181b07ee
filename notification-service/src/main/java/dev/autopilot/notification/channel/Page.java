package dev.autopilot.notification.channel;

import dev.autopilot.contracts.Severity;
import java.net.URI;
import java.time.Instant;

/**
 * One page, whatever the channel: the incident, who it is for, which escalation step sent it, and where to act.
 * Each channel renders it in its own format.
 *
 * @param deliveryId     the delivery's id, the idempotency key a receiver can deduplicate on
 * @param incident       what the page is about
 * @param recipient      who it is for
 * @param escalationStep the step of the escalation policy that sent it (1-based)
 * @param links          where a person acknowledges the incident and reads its timeline
 */
public record Page(String deliveryId, Incident incident, Recipient recipient, int escalationStep, Links links) {

    /** The incident as a page shows it. */
    public record Incident(String id, String title, Severity severity, String type, String service, Instant openedAt) {
    }

    /** A contact as a page shows it: name and role. */
    public record Recipient(String name, String role) {
    }

    /**
     * Where to act on the incident.
     *
     * @param acknowledge the detector's acknowledge endpoint ({@code POST}, with a responder's token)
     * @param timeline    the reporting service's timeline of the incident ({@code GET})
     */
    public record Links(URI acknowledge, URI timeline) {
    }

    /** One line for people: {@code [P0] outage on t-developer-service-production: <title>}. */
    public String summary() {
        StringBuilder summary = new StringBuilder("[").append(incident.severity()).append("] ")
                .append(incident.type());
        if (incident.service() != null && !incident.service().isBlank()) {
            summary.append(" on ").append(incident.service());
        }
        return summary.append(": ").append(incident.title()).toString();
    }
}
