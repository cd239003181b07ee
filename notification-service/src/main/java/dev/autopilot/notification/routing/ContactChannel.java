package dev.autopilot.notification.routing;

import java.util.Locale;
import java.util.Optional;

/**
 * One way to reach a contact: a channel, and the contact's address on it when the channel needs one (a phone number
 * or topic ARN for {@code sns}, an address for {@code email}, a user or channel to mention for {@code slack}, a
 * routing key for {@code pagerduty} instead of the channel's own).
 *
 * @param channel the channel's name
 * @param address the contact's address on it, or null to use the channel's default destination
 */
public record ContactChannel(String channel, String address) {

    public ContactChannel {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a contact channel needs a channel name");
        }
        channel = channel.trim().toLowerCase(Locale.ROOT);
        address = address == null || address.isBlank() ? null : address.trim();
    }

    /** Reads {@code channel} or {@code channel:address} (the address may itself contain colons, as ARNs do). */
    public static ContactChannel parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        return colon < 0 ? new ContactChannel(trimmed, null)
                : new ContactChannel(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }

    public Optional<String> addressIfAny() {
        return Optional.ofNullable(address);
    }
}
