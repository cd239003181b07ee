package dev.autopilot.notification.routing;

import java.util.Objects;

/**
 * Someone a page can go to: a person of the runbook's contact list, or a channel a team reads.
 *
 * @param key   the contact's key in configuration ({@code devops-lead}); part of a page's idempotency key
 * @param name  the person's name, or the channel's ({@code #t-developer-ops})
 * @param role  the person's role ({@code DevOps Lead}), or what the channel is for
 * @param kind  person or channel
 * @param hours when the contact can be reached
 */
public record Contact(String key, String name, String role, ContactKind kind, OnCallHours hours) {

    public Contact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hours, "hours");
    }

    /** How events name the recipient: a person by role, a channel by name. */
    public String label() {
        return kind == ContactKind.CHANNEL ? name : role;
    }
}
