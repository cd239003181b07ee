package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.SendResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One try at sending a delivery through its channel, and how it ended. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    private Delivery delivery;

    private int number;

    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    private SendResult.Outcome outcome;

    private Integer httpStatus;

    private String detail;

    private long durationMs;

    protected DeliveryAttempt() {
    }

    static DeliveryAttempt of(Delivery delivery, int number, Instant startedAt, Instant finishedAt,
            SendResult result) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.delivery = delivery;
        attempt.number = number;
        attempt.attemptedAt = startedAt;
        attempt.outcome = result.outcome();
        attempt.httpStatus = result.httpStatus();
        attempt.detail = result.detail();
        attempt.durationMs = Math.max(0, Duration.between(startedAt, finishedAt).toMillis());
        return attempt;
    }

    public int number() {
        return number;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public SendResult.Outcome outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String detail() {
        return detail;
    }

    public long durationMs() {
        return durationMs;
    }
}
