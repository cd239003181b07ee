package dev.autopilot.notification.channel.webhook;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import java.time.Instant;

/**
 * The JSON body of a webhook page. Receivers may rely on these fields; new ones may be added.
 *
 * @param deliveryId     the delivery's id, also sent as {@code Idempotency-Key}
 * @param incidentId     the incident
 * @param title          the incident's one-line description
 * @param severity       P0 to P3
 * @param type           the incident type ({@code outage}, {@code security}, ...)
 * @param service        the managed service concerned, when known
 * @param openedAt       when the incident opened
 * @param recipient      who the page is for
 * @param escalationStep the step of the escalation policy that sent it (1-based)
 * @param summary        one line for people
 * @param links          where to acknowledge ({@code POST}, responder token) and read the timeline ({@code GET})
 */
public record WebhookMessage(
        String deliveryId,
        String incidentId,
        String title,
        Severity severity,
        String type,
        String service,
        Instant openedAt,
        Page.Recipient recipient,
        int escalationStep,
        String summary,
        Page.Links links) {

    public static WebhookMessage from(Page page) {
        Page.Incident incident = page.incident();
        return new WebhookMessage(page.deliveryId(), incident.id(), incident.title(), incident.severity(),
                incident.type(), incident.service(), incident.openedAt(), page.recipient(), page.escalationStep(),
                page.summary(), page.links());
    }
}
