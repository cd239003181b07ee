package dev.autopilot.notification.channel;

import dev.autopilot.contracts.Severity;
import java.net.URI;
import java.time.Instant;

/**
 * One message, whatever the channel: what it is about, who it is for, and where to act. Each channel renders it in
 * its own format.
 *
 * @param deliveryId     the delivery's id, the idempotency key a receiver can deduplicate on
 * @param kind           what the message does: page about an incident, tell it is resolved, pass on news, ...
 * @param headline       one line for people: {@code [P0] outage on t-developer-service-production: <title>}
 * @param incident       the incident it is about; null for a report, a storm summary or a test message
 * @param recipient      who it is for, and their address on the channel
 * @param escalationStep the step of the escalation policy that sent it (1-based); 0 when it is no step's page
 * @param detail         more lines for people (what remediation is doing, the news, the report's summary); or null
 * @param note           why this recipient gets it, when that needs saying (standing in for someone); or null
 * @param links          where to act
 */
public record Page(String deliveryId, Kind kind, String headline, Incident incident, Recipient recipient,
        int escalationStep, String detail, String note, Links links) {

    /** What a message does. */
    public enum Kind {
        /** An incident needs someone: the pages of escalation steps. */
        PAGE,
        /** The incident was acknowledged (PagerDuty is told, so it stops its own paging). */
        ACKNOWLEDGED,
        /** The incident is over: everyone paged about it is told. */
        RESOLVED,
        /** Remediation failed, stopped, or waits for an approval: the on-call is told. */
        REMEDIATION,
        /** A notice for customers, sent once a person approved it. */
        CUSTOMER_NOTICE,
        /** A scheduled report was published. */
        REPORT,
        /** Many incidents opened at once: one summary instead of a flood. */
        STORM_SUMMARY,
        /** An administrator's test message. */
        TEST;

        /** Whether the message is about one incident (and announced on {@code notifications.v1}). */
        public boolean aboutAnIncident() {
            return this != REPORT && this != STORM_SUMMARY && this != TEST;
        }
    }

    /** The incident as a message shows it. */
    public record Incident(String id, String title, Severity severity, String type, String service, Instant openedAt) {
    }

    /**
     * Who a message is for.
     *
     * @param contact the contact's key
     * @param name    the person's or channel's name
     * @param role    the person's role, or what the channel is for
     * @param address the contact's address on the channel (phone, email, Slack mention, routing key); or null
     */
    public record Recipient(String contact, String name, String role, String address) {
    }

    /**
     * Where to act.
     *
     * @param acknowledge a signed, expiring link that acknowledges the incident as the recipient; null without a
     *                    link secret, or when there is nothing to acknowledge
     * @param timeline    the incident's timeline in the reporting service; or null
     * @param action      what the message asks for (approve a remediation step, read a report); or null
     * @param actionLabel the action's label ({@code Approve}, {@code Open report}); null without an action
     */
    public record Links(URI acknowledge, URI timeline, URI action, String actionLabel) {

        public static final Links NONE = new Links(null, null, null, null);
    }

    /** The headline, then the detail and the note, each on its own line when present. */
    public String text() {
        StringBuilder text = new StringBuilder(headline);
        if (detail != null && !detail.isBlank()) {
            text.append('\n').append(detail);
        }
        if (note != null && !note.isBlank()) {
            text.append('\n').append(note);
        }
        return text.toString();
    }
}
