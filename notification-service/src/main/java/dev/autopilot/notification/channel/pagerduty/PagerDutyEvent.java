package dev.autopilot.notification.channel.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import java.net.URI;

/**
 * A message as a PagerDuty Events API v2 event. An incident's messages share its id as {@code dedup_key}, so
 * PagerDuty keeps one alert per incident: pages and remediation news {@code trigger} it, an acknowledgement
 * {@code acknowledge}s it and a resolution {@code resolve}s it. Other messages (a storm summary, a report, a test)
 * are alerts of their own, keyed by the delivery id.
 */
public final class PagerDutyEvent {

    static final String CLIENT = "Runbook Autopilot";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int SUMMARY_LIMIT = 1024;

    private PagerDutyEvent() {
    }

    public static ObjectNode from(Page page, String routingKey) {
        String dedupKey = page.incident() != null ? page.incident().id() : page.deliveryId();
        if (page.kind() == Page.Kind.ACKNOWLEDGED || page.kind() == Page.Kind.RESOLVED) {
            return JSON.objectNode().put("routing_key", routingKey).put("dedup_key", dedupKey)
                    .put("event_action", page.kind() == Page.Kind.ACKNOWLEDGED ? "acknowledge" : "resolve");
        }
        ObjectNode event = JSON.objectNode();
        ObjectNode payload = event.putObject("payload");
        String summary = page.headline();
        payload.put("summary", summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary);
        Page.Incident incident = page.incident();
        payload.put("source", incident != null && incident.service() != null ? incident.service() : "runbook-autopilot");
        payload.put("severity", severityOf(incident == null ? null : incident.severity()));
        if (incident != null) {
            payload.put("timestamp", incident.openedAt().toString());
            payload.put("class", incident.type());
        }
        ObjectNode details = payload.putObject("custom_details");
        if (incident != null) {
            details.put("incident_id", incident.id());
        }
        if (page.escalationStep() > 0) {
            details.put("escalation_step", page.escalationStep());
        }
        details.put("recipient", page.recipient().role());
        if (page.detail() != null) {
            details.put(page.kind() == Page.Kind.PAGE ? "remediation" : "detail", page.detail());
        }
        if (page.note() != null) {
            details.put("note", page.note());
        }
        event.put("routing_key", routingKey);
        event.put("dedup_key", dedupKey);
        event.put("event_action", "trigger");
        event.put("client", CLIENT);
        Page.Links links = page.links();
        if (links.timeline() != null) {
            event.put("client_url", links.timeline().toString());
        }
        ArrayNode list = JSON.arrayNode();
        link(list, links.acknowledge(), "Acknowledge");
        link(list, links.action(), links.actionLabel());
        link(list, links.timeline(), "Timeline");
        if (!list.isEmpty()) {
            event.set("links", list);
        }
        return event;
    }

    /** PagerDuty's severities: P0 critical, P1 error, P2 warning, anything else info. */
    static String severityOf(Severity severity) {
        if (severity == null) {
            return "info";
        }
        switch (severity) {
            case P0:
                return "critical";
            case P1:
                return "error";
            case P2:
                return "warning";
            default:
                return "info";
        }
    }

    private static void link(ArrayNode links, URI href, String text) {
        if (href != null) {
            links.addObject().put("href", href.toString()).put("text", text);
        }
    }
}
