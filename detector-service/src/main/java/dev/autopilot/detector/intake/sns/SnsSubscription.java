package dev.autopilot.detector.intake.sns;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A topic's subscription of the detector, as SNS told of it: confirmed, failed to confirm, or unsubscribed. */
@Entity
@Table(name = "sns_subscription")
public class SnsSubscription {

    public enum Status {
        CONFIRMED,
        CONFIRMATION_FAILED,
        UNSUBSCRIBED
    }

    @Id
    private String topicArn;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String messageId;

    private String detail;

    private Instant updatedAt;

    protected SnsSubscription() {
    }

    public SnsSubscription(String topicArn) {
        this.topicArn = topicArn;
    }

    public void record(Status status, String messageId, String detail, Instant at) {
        this.status = status;
        this.messageId = messageId;
        this.detail = detail;
        this.updatedAt = at;
    }

    public String topicArn() {
        return topicArn;
    }

    public Status status() {
        return status;
    }

    public String messageId() {
        return messageId;
    }

    public String detail() {
        return detail;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
