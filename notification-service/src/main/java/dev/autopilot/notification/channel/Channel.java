package dev.autopilot.notification.channel;

import java.time.Duration;

/**
 * A way to reach people: a webhook, Slack, SMS, email, PagerDuty. Each lives in its own package under
 * {@code channel/} and says of every send whether it was delivered, may succeed if tried again, or never will.
 */
public interface Channel {

    /** The channel's name in deliveries and events: {@code webhook}, {@code slack}, ... */
    String name();

    /** Sends one page. Never throws: every failure is a {@link SendResult} that says whether to retry. */
    SendResult send(Page page);

    /** Whether the channel has the settings it needs; an unconfigured channel fails every page at once. */
    boolean isConfigured();

    /** The longest {@link #send} can take (connect and answer); a delivery holds its claim that long at most. */
    Duration timeout();
}
