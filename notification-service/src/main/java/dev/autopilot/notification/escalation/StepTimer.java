package dev.autopilot.notification.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The timer of one escalation step of an incident (per paging round and policy): pending until due, then reached
 * (its contacts were told), skipped (its condition no longer held) or cancelled (acknowledged, resolved, or
 * replaced by another policy). Unique per incident, round, policy and step.
 */
@Entity
@Table(name = "escalation_step")
public class StepTimer {

    /** Where a step is. */
    public enum Status {
        PENDING,
        REACHED,
        SKIPPED,
        CANCELLED
    }

    @Id
    private UUID id;

    private String incidentId;

    private int round;

    private String policy;

    private int step;

    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant reachedAt;

    private Instant cancelledAt;

    private String reason;

    @Version
    private long version;

    protected StepTimer() {
    }

    public static StepTimer due(String incidentId, int round, String policy, int step, Instant dueAt) {
        StepTimer timer = new StepTimer();
        timer.id = UUID.randomUUID();
        timer.incidentId = incidentId;
        timer.round = round;
        timer.policy = policy;
        timer.step = step;
        timer.dueAt = dueAt;
        timer.status = Status.PENDING;
        return timer;
    }

    public void reached(Instant at) {
        status = Status.REACHED;
        reachedAt = at;
    }

    public void skipped(String why, Instant at) {
        status = Status.SKIPPED;
        cancelledAt = at;
        reason = why;
    }

    public void cancel(String why, Instant at) {
        status = Status.CANCELLED;
        cancelledAt = at;
        reason = why;
    }

    public UUID id() {
        return id;
    }

    public String incidentId() {
        return incidentId;
    }

    public int round() {
        return round;
    }

    public String policy() {
        return policy;
    }

    public int step() {
        return step;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
