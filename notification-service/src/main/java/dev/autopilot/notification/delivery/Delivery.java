package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.Severity;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactKind;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * One message to one recipient through one channel: a page of an escalation step, a resolve notice, remediation
 * news, a report, a storm summary; what the API and the events call a notification. It is also its own timer: a
 * pending delivery is due at {@code dueAt}, for its first attempt or a retry, and whichever replica claims it first
 * sends it. Its idempotency key (for a page: incident, round, policy, step, recipient, channel) is unique, so
 * nobody is sent the same message twice, whatever is redelivered.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    private Page.Kind kind;

    private String incidentId;

    private int round;

    private int escalationStep;

    private String recipient;

    private String channel;

    private String address;

    private String policy;

    private String recipientName;

    private String recipientRole;

    @Enumerated(EnumType.STRING)
    private ContactKind recipientKind;

    private String incidentTitle;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String incidentType;

    private String service;

    private Instant incidentOpenedAt;

    private String note;

    private String detail;

    private String actionUrl;

    private String actionLabel;

    private UUID summaryId;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    private Instant dueAt;

    private Instant createdAt;

    private Instant sentAt;

    private Instant failedAt;

    private Instant cancelledAt;

    private String reason;

    @OneToMany(mappedBy = "delivery", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    @BatchSize(size = 100)
    private List<DeliveryAttempt> attemptLog = new ArrayList<>();

    @Version
    private long version;

    protected Delivery() {
    }

    /**
     * A message about a subject (an incident, or for other kinds what stands in for one: a report, a storm) to a
     * contact through a channel, due at {@code dueAt}.
     *
     * @param key     the idempotency key: a second delivery with the same key is never added
     * @param subject the incident, or what the message is about
     * @param policy  the escalation policy that sent it, or what sent it ({@code reports}, {@code admin})
     */
    public static Delivery of(String key, Page.Kind kind, Page.Incident subject, String policy, int round, int step,
            Contact recipient, String channel, String address, Instant dueAt, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.idempotencyKey = key;
        delivery.kind = kind;
        delivery.incidentId = subject.id();
        delivery.round = round;
        delivery.escalationStep = step;
        delivery.recipient = recipient.key();
        delivery.channel = channel;
        delivery.address = address;
        delivery.policy = policy;
        delivery.recipientName = recipient.name();
        delivery.recipientRole = recipient.role();
        delivery.recipientKind = recipient.kind();
        delivery.incidentTitle = subject.title() == null ? subject.id() : subject.title();
        delivery.severity = subject.severity() == null ? Severity.UNKNOWN : subject.severity();
        delivery.incidentType = subject.type() == null ? "unclassified" : subject.type();
        delivery.service = subject.service();
        delivery.incidentOpenedAt = subject.openedAt() == null ? now : subject.openedAt();
        delivery.status = DeliveryStatus.PENDING;
        delivery.dueAt = dueAt;
        delivery.createdAt = now;
        return delivery;
    }

    /** Says why this recipient gets it (standing in for someone, a channel skipped). */
    public Delivery withNote(String text) {
        this.note = text;
        return this;
    }

    /** More for people: the news, a report's summary. */
    public Delivery withDetail(String text) {
        this.detail = text;
        return this;
    }

    /** What the message asks the recipient to do, and where. */
    public Delivery withAction(String label, String url) {
        this.actionLabel = label;
        this.actionUrl = url;
        return this;
    }

    /** Prepared, but not sent before a person approves it. */
    public Delivery awaitingApproval() {
        this.status = DeliveryStatus.AWAITING_APPROVAL;
        return this;
    }

    /** Not to be sent, on purpose; when a summary carries it instead, that summary. */
    public Delivery suppressed(String why, UUID summary, Instant at) {
        this.status = DeliveryStatus.SUPPRESSED;
        this.reason = why;
        this.summaryId = summary;
        this.cancelledAt = at;
        return this;
    }

    /**
     * Records one attempt and what follows from it: sent; failed for good (a permanent failure, or the last
     * allowed attempt); or pending again, due after the backoff (or the wait the channel asked for, if longer).
     */
    public DeliveryStatus recordAttempt(SendResult result, Instant startedAt, Instant finishedAt, Backoff backoff,
            int maxAttempts) {
        requireStatus(DeliveryStatus.PENDING);
        attempts++;
        attemptLog.add(DeliveryAttempt.of(this, attempts, startedAt, finishedAt, result));
        switch (result.outcome()) {
            case DELIVERED -> {
                status = DeliveryStatus.SENT;
                sentAt = finishedAt;
                reason = null;
            }
            case PERMANENT -> fail(result.detail(), finishedAt);
            case RETRYABLE -> {
                if (attempts >= maxAttempts) {
                    fail(result.detail() + " (gave up after " + attempts + " attempts)", finishedAt);
                } else {
                    reason = result.detail();
                    Duration wait = backoff.after(attempts);
                    if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
                        wait = result.retryAfter();
                    }
                    dueAt = finishedAt.plus(wait);
                }
            }
            default -> throw new IllegalArgumentException("unknown outcome " + result.outcome());
        }
        return status;
    }

    /** Waits for its channel's next free slot: queued, not dropped, and no attempt spent. */
    public void deferTo(Instant at) {
        requireStatus(DeliveryStatus.PENDING);
        dueAt = at;
    }

    /** A person approved the prepared message: it goes out now. */
    public void approve(String by, Instant at) {
        requireStatus(DeliveryStatus.AWAITING_APPROVAL);
        status = DeliveryStatus.PENDING;
        dueAt = at;
        reason = "approved by " + by;
    }

    /** The message is not needed any more. Only a pending or prepared delivery can be cancelled. */
    public void cancel(String why, Instant at) {
        if (status != DeliveryStatus.PENDING && status != DeliveryStatus.AWAITING_APPROVAL) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not pending");
        }
        status = DeliveryStatus.CANCELLED;
        cancelledAt = at;
        reason = why;
    }

    /** The incident as the message shows it; null when the message is about no incident. */
    public Page.Incident incident() {
        return kind.aboutAnIncident() ? new Page.Incident(incidentId, incidentTitle, severity, incidentType, service,
                incidentOpenedAt) : null;
    }

    private void requireStatus(DeliveryStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not " + expected);
        }
    }

    private void fail(String why, Instant at) {
        status = DeliveryStatus.FAILED;
        failedAt = at;
        reason = why;
    }

    public UUID id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Page.Kind kind() {
        return kind;
    }

    public String incidentId() {
        return incidentId;
    }

    public int round() {
        return round;
    }

    public int escalationStep() {
        return escalationStep;
    }

    /** The recipient's contact key. */
    public String recipient() {
        return recipient;
    }

    /** How events name the recipient: a person by role, a channel by name. */
    public String recipientLabel() {
        return recipientKind == ContactKind.CHANNEL ? recipientName : recipientRole;
    }

    public String recipientName() {
        return recipientName;
    }

    public String recipientRole() {
        return recipientRole;
    }

    public ContactKind recipientKind() {
        return recipientKind;
    }

    public String channel() {
        return channel;
    }

    /** The recipient's address on the channel (phone, email, mention, routing key); null for the channel's own. */
    public String address() {
        return address;
    }

    public String policy() {
        return policy;
    }

    public String incidentTitle() {
        return incidentTitle;
    }

    public Severity severity() {
        return severity;
    }

    public String incidentType() {
        return incidentType;
    }

    public String service() {
        return service;
    }

    public Instant incidentOpenedAt() {
        return incidentOpenedAt;
    }

    public String note() {
        return note;
    }

    public String detail() {
        return detail;
    }

    public String actionUrl() {
        return actionUrl;
    }

    public String actionLabel() {
        return actionLabel;
    }

    /** The storm summary that carries this suppressed page, if any. */
    public UUID summaryId() {
        return summaryId;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    /** Why it failed, was cancelled or suppressed, or is being retried. */
    public String reason() {
        return reason;
    }

    public List<DeliveryAttempt> attemptLog() {
        return List.copyOf(attemptLog);
    }
}
