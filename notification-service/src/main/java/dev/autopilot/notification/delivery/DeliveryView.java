package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the API shows it, with every attempt.
 *
 * @param id             the delivery's id: the {@code notificationId} of its events and its {@code Idempotency-Key}
 * @param kind           {@code PAGE}, {@code RESOLVED}, {@code REMEDIATION}, {@code CUSTOMER_NOTICE}, ...
 * @param nextAttemptAt  when a pending delivery is due; absent once it is done
 * @param note           why this recipient (standing in for someone outside their hours)
 * @param reason         why it failed, was cancelled or suppressed, or is being retried
 * @param summaryId      the storm summary that carried this suppressed page
 */
public record DeliveryView(
        String id,
        Page.Kind kind,
        String incidentId,
        String incidentTitle,
        Severity severity,
        String incidentType,
        String policy,
        int escalationStep,
        Recipient recipient,
        String channel,
        DeliveryStatus status,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Instant failedAt,
        Instant cancelledAt,
        String note,
        String reason,
        String summaryId,
        List<Attempt> attempts) {

    /** Who the page is for. */
    public record Recipient(String contact, String name, String role) {
    }

    /** One try at sending. */
    public record Attempt(int number, Instant at, SendResult.Outcome outcome, Integer httpStatus, String detail,
            long durationMs) {

        public static Attempt from(DeliveryAttempt attempt) {
            return new Attempt(attempt.number(), attempt.attemptedAt(), attempt.outcome(), attempt.httpStatus(),
                    attempt.detail(), attempt.durationMs());
        }
    }

    public static DeliveryView from(Delivery delivery) {
        return new DeliveryView(delivery.id().toString(), delivery.kind(), delivery.incidentId(), delivery.incidentTitle(),
                delivery.severity(), delivery.incidentType(), delivery.policy(), delivery.escalationStep(),
                new Recipient(delivery.recipient(), delivery.recipientName(), delivery.recipientRole()),
                delivery.channel(), delivery.status(), delivery.createdAt(),
                delivery.status() == DeliveryStatus.PENDING ? delivery.dueAt() : null,
                delivery.sentAt(), delivery.failedAt(), delivery.cancelledAt(), delivery.note(), delivery.reason(),
                delivery.summaryId() == null ? null : delivery.summaryId().toString(),
                delivery.attemptLog().stream().map(Attempt::from).toList());
    }
}
