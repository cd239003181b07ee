package dev.autopilot.notification.delivery;

import java.time.Instant;

/**
 * Which notifications to list; a null criterion matches any.
 *
 * @param incidentId the incident they are about
 * @param contact    the recipient's contact key
 * @param channel    the channel
 * @param status     where they are
 * @param from       created at or after
 * @param to         created before
 */
public record DeliveryFilter(String incidentId, String contact, String channel, DeliveryStatus status, Instant from,
        Instant to) {
}
