package dev.autopilot.notification.delivery;

/** Where a delivery is: waiting for its (next) attempt or an approval, or done one way or another. */
public enum DeliveryStatus {
    /** Due at its due time: its first attempt or a retry. */
    PENDING,
    /** Prepared, waiting for a person to approve it (a customer notice). */
    AWAITING_APPROVAL,
    /** The channel accepted it. */
    SENT,
    /** Given up: the channel refused it for good, or the attempts ran out. */
    FAILED,
    /** Not needed any more: the incident was acknowledged or resolved first, or the notice was discarded. */
    CANCELLED,
    /** Not sent, on purpose: a storm (a summary went instead), the page cap, no configured channel, ... */
    SUPPRESSED
}
