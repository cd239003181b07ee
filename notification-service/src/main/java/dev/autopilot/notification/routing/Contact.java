package dev.autopilot.notification.routing;

import java.util.List;
import java.util.Objects;

/**
 * Someone a page can go to: a person of the runbook's contact list, or a channel a team reads.
 *
 * @param key      the contact's key in configuration ({@code devops-lead}); part of a page's idempotency key
 * @param name     the person's name, or the channel's ({@code #t-developer-ops})
 * @param role     the person's role ({@code DevOps Lead}), or what the channel is for
 * @param kind     person or channel
 * @param hours    when the contact can be reached
 * @param channels how to reach them, in order of preference: the first one that is configured carries the page
 */
public record Contact(String key, String name, String role, ContactKind kind, OnCallHours hours,
        List<ContactChannel> channels) {

    public Contact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hours, "hours");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("contact " + key + " has no channel");
        }
    }

    /** How events name the recipient: a person by role, a channel by name. */
    public String label() {
        return kind == ContactKind.CHANNEL ? name : role;
    }

    /** A person is paged only within their hours; a channel is read whenever someone looks. */
    public boolean isPerson() {
        return kind == ContactKind.PERSON;
    }
}
