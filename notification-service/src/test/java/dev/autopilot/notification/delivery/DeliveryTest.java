package dev.autopilot.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.ContactKind;
import dev.autopilot.notification.routing.OnCallHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delivery's life: attempts, retries with backoff, and the ways it ends. */
class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:12:41Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 2);
    private static final Contact LEAD = new Contact("devops-lead", "Kim Gaebal", "DevOps Lead", ContactKind.PERSON,
            OnCallHours.ALWAYS, List.of(new ContactChannel("pagerduty", null)));
    private static final Contact OPS = new Contact("ops-channel", "#t-developer-ops", "Operations channel",
            ContactKind.CHANNEL, OnCallHours.ALWAYS, List.of(new ContactChannel("slack", null)));

    @Test
    void aDeliveredPageIsSent() {
        Delivery delivery = scheduled(LEAD);

        DeliveryStatus status = delivery.recordAttempt(SendResult.delivered(200), T0, T0.plusMillis(40), BACKOFF, 3);

        assertThat(status).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.sentAt()).isEqualTo(T0.plusMillis(40));
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.number()).isEqualTo(1);
            assertThat(attempt.httpStatus()).isEqualTo(200);
            assertThat(attempt.durationMs()).isEqualTo(40);
        });
    }

    @Test
    void aRetryableFailureIsDueAgainAfterTheBackoffUntilTheAttemptsRunOut() {
        Delivery delivery = scheduled(LEAD);
        SendResult unavailable = SendResult.retryable(503, "HTTP 503 from the webhook");

        assertThat(delivery.recordAttempt(unavailable, T0, T0, BACKOFF, 3)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.dueAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(delivery.recordAttempt(unavailable, T0.plusSeconds(5), T0.plusSeconds(5), BACKOFF, 3))
                .isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.dueAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(delivery.reason()).isEqualTo("HTTP 503 from the webhook");

        assertThat(delivery.recordAttempt(unavailable, T0.plusSeconds(15), T0.plusSeconds(16), BACKOFF, 3))
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failedAt()).isEqualTo(T0.plusSeconds(16));
        assertThat(delivery.reason()).isEqualTo("HTTP 503 from the webhook (gave up after 3 attempts)");
        assertThat(delivery.attemptLog()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
    }

    @Test
    void aPermanentFailureFailsAtOnce() {
        Delivery delivery = scheduled(LEAD);

        assertThat(delivery.recordAttempt(SendResult.permanent(400, "HTTP 400 from the webhook"), T0, T0, BACKOFF, 3))
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
    }

    @Test
    void onlyAPendingDeliveryIsCancelledOrAttempted() {
        Delivery delivery = scheduled(OPS);
        delivery.cancel("incident acknowledged by responder", T0);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(delivery.reason()).isEqualTo("incident acknowledged by responder");
        assertThatThrownBy(() -> delivery.cancel("again", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivery.recordAttempt(SendResult.delivered(200), T0, T0, BACKOFF, 3))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsNameAPersonByRoleAndAChannelByName() {
        assertThat(scheduled(LEAD).recipientLabel()).isEqualTo("DevOps Lead");
        assertThat(scheduled(OPS).recipientLabel()).isEqualTo("#t-developer-ops");
    }

    @Test
    void aRetryWaitsAtLeastAsLongAsTheChannelAsked() {
        Delivery delivery = scheduled(OPS);
        SendResult throttled = SendResult.retryable(429, "HTTP 429 from Slack").withRetryAfter(Duration.ofSeconds(30));

        delivery.recordAttempt(throttled, T0, T0, BACKOFF, 3);

        assertThat(delivery.dueAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aRateLimitedDeliveryIsDeferredWithoutSpendingAnAttempt() {
        Delivery delivery = scheduled(OPS);

        delivery.deferTo(T0.plusSeconds(1));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.dueAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(delivery.attempts()).isZero();
    }

    @Test
    void aPreparedNoticeGoesOutOnlyOnceApproved() {
        Delivery notice = scheduled(OPS).awaitingApproval();
        assertThatThrownBy(() -> notice.recordAttempt(SendResult.delivered(200), T0, T0, BACKOFF, 3))
                .isInstanceOf(IllegalStateException.class);

        notice.approve("responder", T0.plusSeconds(60));

        assertThat(notice.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(notice.dueAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(notice.reason()).isEqualTo("approved by responder");
    }

    private static Delivery scheduled(Contact contact) {
        Page.Incident incident = new Page.Incident("0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77", "unhealthy", Severity.P0,
                "outage", "svc", T0);
        return Delivery.of("0c8f4a52/r1/p0/s1/" + contact.key() + "/webhook", Page.Kind.PAGE, incident, "p0", 1, 1,
                contact, "webhook", null, T0, T0);
    }
}
