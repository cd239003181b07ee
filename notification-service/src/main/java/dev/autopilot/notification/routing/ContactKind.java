package dev.autopilot.notification.routing;

/** Whether a contact is a person, paged by name and role, or a channel a team reads, such as the ops channel. */
public enum ContactKind {
    PERSON,
    CHANNEL
}
