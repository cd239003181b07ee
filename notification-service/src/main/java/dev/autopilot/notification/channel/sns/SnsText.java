package dev.autopilot.notification.channel.sns;

import dev.autopilot.notification.channel.Page;

/**
 * What an SNS message says. An SMS is short: the headline, who it stands in for, and the acknowledge link; a topic
 * message carries the whole text and every link.
 */
final class SnsText {

    private static final int SMS_HEADLINE_LIMIT = 160;

    private SnsText() {
    }

    static String forSms(Page page) {
        String headline = page.headline();
        StringBuilder sms = new StringBuilder(headline.length() > SMS_HEADLINE_LIMIT
                ? headline.substring(0, SMS_HEADLINE_LIMIT - 1) + "…" : headline);
        if (page.note() != null) {
            sms.append("\n").append(page.note());
        }
        appendLink(sms, "Ack", page.links().acknowledge());
        appendLink(sms, page.links().actionLabel(), page.links().action());
        return sms.toString();
    }

    static String forTopic(Page page) {
        StringBuilder text = new StringBuilder(page.text());
        appendLink(text, "Acknowledge", page.links().acknowledge());
        appendLink(text, page.links().actionLabel(), page.links().action());
        appendLink(text, "Timeline", page.links().timeline());
        return text.toString();
    }

    private static void appendLink(StringBuilder text, String label, Object url) {
        if (url != null) {
            text.append("\n").append(label).append(": ").append(url);
        }
    }
}
