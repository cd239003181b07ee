package dev.autopilot.notification.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A way to reach people: a webhook, Slack, SMS, email, PagerDuty. Each lives in its own package under
 * {@code channel/} and says of every send whether it was delivered, may succeed if tried again, or never will.
 */
public interface Channel {

    /** The channel's name in contacts, deliveries and events: {@code webhook}, {@code slack}, ... */
    String name();

    /** Sends one message. Never throws: every failure is a {@link SendResult} that says whether to retry. */
    SendResult send(Page page);

    /** Whether the channel has the settings it needs; an unconfigured channel is skipped for the next one. */
    boolean isConfigured();

    /** What is missing when it is not configured, naming the setting (never its value). */
    String missingSettings();

    /** Whether a contact's address on this channel is usable ({@code null} when the contact gave none). */
    boolean accepts(String address);

    /** Whether a message to a contact with this address (or none) can go through this channel now. */
    default boolean canReach(String address) {
        return isConfigured() && accepts(address);
    }

    /** The longest {@link #send} can take (connect and answer); a delivery holds its claim that long at most. */
    Duration timeout();

    /** The least time between two messages through this channel, across replicas (Slack: one a second). */
    default Optional<Duration> minimumInterval() {
        return Optional.empty();
    }
}
