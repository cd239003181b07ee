package dev.autopilot.notification.channel.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.notification.channel.Page;
import java.net.URI;

/**
 * A message as Slack's Block Kit shows it: {@code text} (what notifications and old clients show), then a header,
 * the incident's severity, service, type and step, what remediation is doing, who is standing in for whom, and
 * buttons to acknowledge and to open the timeline (or the message's own action). Text from incidents is escaped for
 * Slack's mrkdwn ({@code &}, {@code <}, {@code >}); a recipient's address is a mention ({@code <@U024BE7LH>}).
 */
public final class SlackMessage {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int HEADER_LIMIT = 150;

    private SlackMessage() {
    }

    public static ObjectNode from(Page page) {
        String mention = mention(page.recipient().address());
        ObjectNode message = JSON.objectNode();
        message.put("text", (mention == null ? "" : mention + " ") + escape(page.headline()));
        ArrayNode blocks = message.putArray("blocks");
        blocks.add(header(page.headline()));
        if (mention != null) {
            blocks.add(section(mention + " " + (page.kind() == Page.Kind.PAGE ? "you are paged" : "for you")));
        }
        Page.Incident incident = page.incident();
        if (incident != null) {
            ObjectNode fields = blocks.addObject().put("type", "section");
            ArrayNode list = fields.putArray("fields");
            list.add(mrkdwn("*Severity*\n" + incident.severity()));
            list.add(mrkdwn("*Service*\n" + escape(incident.service() == null ? "unknown" : incident.service())));
            list.add(mrkdwn("*Type*\n" + escape(incident.type())));
            if (page.escalationStep() > 0) {
                list.add(mrkdwn("*Escalation step*\n" + page.escalationStep()));
            }
        }
        if (page.detail() != null && !page.detail().isBlank()) {
            blocks.add(section((page.kind() == Page.Kind.PAGE ? "*Remediation*\n" : "") + escape(page.detail())));
        }
        if (page.note() != null && !page.note().isBlank()) {
            ObjectNode context = blocks.addObject().put("type", "context");
            context.putArray("elements").add(mrkdwn(escape(page.note())));
        }
        ArrayNode buttons = JSON.arrayNode();
        Page.Links links = page.links();
        if (links.acknowledge() != null) {
            buttons.add(button("Acknowledge", links.acknowledge(), "acknowledge").put("style", "primary"));
        }
        if (links.action() != null) {
            buttons.add(button(links.actionLabel(), links.action(), "action"));
        }
        if (links.timeline() != null) {
            buttons.add(button("Timeline", links.timeline(), "timeline"));
        }
        if (!buttons.isEmpty()) {
            blocks.addObject().put("type", "actions").set("elements", buttons);
        }
        return message;
    }

    /** Slack's mrkdwn control characters, escaped as Slack asks. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String mention(String address) {
        if (address == null || address.startsWith("#")) {
            return null; // the webhook posts to its own channel: naming it mentions nobody
        }
        return address.startsWith("<") ? address : "<@" + address.replaceFirst("^@", "") + ">";
    }

    private static ObjectNode header(String text) {
        String plain = text.length() > HEADER_LIMIT ? text.substring(0, HEADER_LIMIT - 1) + "…" : text;
        ObjectNode header = JSON.objectNode().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", plain);
        return header;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        section.set("text", mrkdwn(mrkdwn));
        return section;
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.objectNode().put("type", "mrkdwn").put("text", text);
    }

    private static ObjectNode button(String label, URI url, String actionId) {
        ObjectNode button = JSON.objectNode().put("type", "button");
        button.putObject("text").put("type", "plain_text").put("text", label);
        return button.put("url", url.toString()).put("action_id", actionId);
    }
}
