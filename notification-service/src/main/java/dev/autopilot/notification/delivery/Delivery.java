package dev.autopilot.notification.delivery;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * One page to one recipient through one channel for one escalation step of an incident: what the API and the
 * events call a notification. It is also its own timer: a pending delivery is due at {@code dueAt}, for its first
 * attempt or a retry, and whichever replica claims it first sends it. There is at most one delivery per
 * (incident, step, recipient, channel): a unique constraint says so, so nobody is paged twice for the same step.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    private String incidentId;

    private int escalationStep;

    private String recipient;

    private String channel;

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

    /** A page of an escalation step, due at {@code dueAt}. */
    public static Delivery schedule(IncidentOpened incident, String policy, int escalationStep, Contact recipient,
            String channel, Instant dueAt, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.incidentId = incident.incidentId();
        delivery.escalationStep = escalationStep;
        delivery.recipient = recipient.key();
        delivery.channel = channel;
        delivery.policy = policy;
        delivery.recipientName = recipient.name();
        delivery.recipientRole = recipient.role();
        delivery.recipientKind = recipient.kind();
        delivery.incidentTitle = incident.title() == null ? incident.incidentId() : incident.title();
        delivery.severity = incident.severity() == null ? Severity.UNKNOWN : incident.severity();
        delivery.incidentType = incident.type() == null ? "unclassified" : incident.type();
        delivery.service = incident.service();
        delivery.incidentOpenedAt = incident.openedAt() == null ? now : incident.openedAt();
        delivery.status = DeliveryStatus.PENDING;
        delivery.dueAt = dueAt;
        delivery.createdAt = now;
        return delivery;
    }

    /**
     * Records one attempt and what follows from it: sent; failed for good (a permanent failure, or the last
     * allowed attempt); or pending again, due after the backoff.
     */
    public DeliveryStatus recordAttempt(SendResult result, Instant startedAt, Instant finishedAt, Backoff backoff,
            int maxAttempts) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not pending");
        }
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
                    dueAt = finishedAt.plus(backoff.after(attempts));
                }
            }
            default -> throw new IllegalArgumentException("unknown outcome " + result.outcome());
        }
        return status;
    }

    /** The page is not needed any more. Only a pending delivery can be cancelled. */
    public void cancel(String why, Instant at) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not pending");
        }
        status = DeliveryStatus.CANCELLED;
        cancelledAt = at;
        reason = why;
    }

    /** The page this delivery sends. */
    public Page page(Page.Links links) {
        return new Page(id.toString(),
                new Page.Incident(incidentId, incidentTitle, severity, incidentType, service, incidentOpenedAt),
                new Page.Recipient(recipientName, recipientRole), escalationStep, links);
    }

    private void fail(String why, Instant at) {
        status = DeliveryStatus.FAILED;
        failedAt = at;
        reason = why;
    }

    public UUID id() {
        return id;
    }

    public String incidentId() {
        return incidentId;
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

    /** Why it failed, was cancelled, or is being retried. */
    public String reason() {
        return reason;
    }

    public List<DeliveryAttempt> attemptLog() {
        return List.copyOf(attemptLog);
    }
}
