package dev.autopilot.notification.delivery;

/** Where a delivery is: waiting for its (next) attempt, or done one way or another. */
public enum DeliveryStatus {
    /** Due at its due time: its first attempt or a retry. */
    PENDING,
    /** The channel accepted it. */
    SENT,
    /** Given up: the channel refused it for good, or the attempts ran out. */
    FAILED,
    /** Not needed any more: the incident was acknowledged or resolved first. */
    CANCELLED
}
