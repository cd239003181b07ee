package dev.autopilot.notification.channel.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import java.net.URI;
import java.time.Instant;

/**
 * The JSON body of a webhook message. Receivers may rely on these fields; new ones may be added. Absent values are
 * left out (a report has no incident fields, a page without a link secret no acknowledge link).
 *
 * @param deliveryId     the delivery's id, also sent as {@code Idempotency-Key}
 * @param kind           {@code PAGE}, {@code RESOLVED}, {@code REMEDIATION}, {@code REPORT}, ...
 * @param incidentId     the incident
 * @param title          the incident's one-line description
 * @param severity       P0 to P3
 * @param type           the incident type ({@code outage}, {@code security}, ...)
 * @param service        the managed service concerned, when known
 * @param openedAt       when the incident opened
 * @param recipient      who the message is for
 * @param escalationStep the step of the escalation policy that sent it (1-based); 0 when none did
 * @param summary        one line for people
 * @param detail         more for people: what remediation is doing, the news, a report's summary
 * @param note           why this recipient gets it (standing in for someone outside their hours)
 * @param links          where to act
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookMessage(
        String deliveryId,
        Page.Kind kind,
        String incidentId,
        String title,
        Severity severity,
        String type,
        String service,
        Instant openedAt,
        Recipient recipient,
        int escalationStep,
        String summary,
        String detail,
        String note,
        Links links) {

    /** Who the message is for. */
    public record Recipient(String name, String role) {
    }

    /**
     * Where to act.
     *
     * @param acknowledge a signed link: {@code GET} shows a confirmation page, {@code POST} acknowledges
     * @param timeline    the incident's timeline
     * @param action      what the message asks for (approve a step, read a report)
     * @param actionLabel its label
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(URI acknowledge, URI timeline, URI action, String actionLabel) {
    }

    public static WebhookMessage from(Page page) {
        Page.Incident incident = page.incident();
        Page.Links links = page.links();
        return new WebhookMessage(page.deliveryId(), page.kind(),
                incident == null ? null : incident.id(), incident == null ? null : incident.title(),
                incident == null ? null : incident.severity(), incident == null ? null : incident.type(),
                incident == null ? null : incident.service(), incident == null ? null : incident.openedAt(),
                new Recipient(page.recipient().name(), page.recipient().role()), page.escalationStep(),
                page.headline(), page.detail(), page.note(),
                new Links(links.acknowledge(), links.timeline(), links.action(), links.actionLabel()));
    }
}
