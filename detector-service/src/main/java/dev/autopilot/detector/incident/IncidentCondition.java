package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One problem condition of an incident, identified by its signals' fingerprint (an alarm, an agent's failure, a
 * check): whether it holds, since when, how often it was seen and how often it changed its mind. Repeats are
 * counted here rather than stored one by one, so a storm of one alarm costs one row.
 */
@Entity
@Table(name = "incident_condition")
public class IncidentCondition {

    /** What a firing signal did to its condition. */
    public enum Firing {
        /** It was firing already. */
        REPEAT,
        /** It had cleared or was clearing, and fires again. */
        REFIRED
    }

    @Id
    private UUID id;

    private UUID incidentId;

    private String fingerprint;

    private String source;

    private String title;

    private String rule;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String type;

    private String agent;

    @Enumerated(EnumType.STRING)
    private ConditionStatus status;

    private boolean debounced;

    private boolean active;

    private Instant firstSeenAt;

    private Instant lastSeenAt;

    private Instant clearedAt;

    private Instant clearDueAt;

    private long signalCount;

    private int transitions;

    private Instant flapWindowAt;

    private String lastSignalId;

    private Double lastValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> labels;

    @Version
    private long version;

    protected IncidentCondition() {
    }

    public static IncidentCondition firing(UUID incidentId, String fingerprint, String source, String title,
            String rule, Severity severity, String type, String agent, boolean debounced, Map<String, String> labels,
            String signalId, Double value, Instant at) {
        IncidentCondition condition = new IncidentCondition();
        condition.id = UUID.randomUUID();
        condition.incidentId = incidentId;
        condition.fingerprint = fingerprint;
        condition.source = source;
        condition.title = title;
        condition.rule = rule;
        condition.severity = severity;
        condition.type = type;
        condition.agent = agent;
        condition.debounced = debounced;
        condition.labels = new TreeMap<>(labels);
        condition.status = ConditionStatus.FIRING;
        condition.active = true;
        condition.firstSeenAt = at;
        condition.lastSeenAt = at;
        condition.signalCount = 1;
        condition.lastSignalId = signalId;
        condition.lastValue = value;
        return condition;
    }

    /**
     * Firing signals arrived ({@code count} of them, the last at {@code at}). A condition that had cleared fires
     * again: that is a transition, counted within the flap window.
     */
    public Firing fire(int count, String signalId, Double value, Severity verdictSeverity, String verdictType,
            String verdictRule, Instant at, Duration flapWindow) {
        signalCount += count;
        lastSeenAt = at.isAfter(lastSeenAt) ? at : lastSeenAt;
        lastSignalId = signalId;
        lastValue = value;
        severity = verdictSeverity;
        type = verdictType;
        rule = verdictRule;
        clearDueAt = null;
        if (status == ConditionStatus.FIRING) {
            return Firing.REPEAT;
        }
        boolean wasCleared = status == ConditionStatus.CLEARED;
        status = ConditionStatus.FIRING;
        clearedAt = null;
        if (wasCleared) {
            transition(at, flapWindow);
        }
        return Firing.REFIRED;
    }

    /** The condition cleared (its source says so, or its hold-down has passed). */
    public void clear(Instant at, Duration flapWindow) {
        if (status == ConditionStatus.CLEARED) {
            return;
        }
        status = ConditionStatus.CLEARED;
        clearedAt = at;
        clearDueAt = null;
        transition(at, flapWindow);
    }

    /** A raw check says the condition is gone: it clears at {@code due} unless it fires again before. */
    public void clearAt(Instant due) {
        if (status == ConditionStatus.FIRING) {
            status = ConditionStatus.CLEARING;
            clearDueAt = due;
        }
    }

    /** Its incident was resolved: the condition no longer belongs to an active incident. */
    public void deactivate(Instant at) {
        active = false;
        if (status != ConditionStatus.CLEARED) {
            status = ConditionStatus.CLEARED;
            clearedAt = at;
        }
        clearDueAt = null;
    }

    /** Its incident was reopened by this condition firing again. */
    public void reactivate() {
        active = true;
    }

    /** How many times it fired again or cleared within the current flap window. */
    public boolean flapsAt(int threshold) {
        return transitions >= threshold;
    }

    private void transition(Instant at, Duration flapWindow) {
        if (flapWindowAt == null || Duration.between(flapWindowAt, at).compareTo(flapWindow) > 0) {
            flapWindowAt = at;
            transitions = 1;
        } else {
            transitions++;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String source() {
        return source;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public Severity severity() {
        return severity;
    }

    public String type() {
        return type;
    }

    public String agent() {
        return agent;
    }

    public ConditionStatus status() {
        return status;
    }

    public boolean debounced() {
        return debounced;
    }

    public boolean active() {
        return active;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant clearedAt() {
        return clearedAt;
    }

    public Instant clearDueAt() {
        return clearDueAt;
    }

    public long signalCount() {
        return signalCount;
    }

    public int transitions() {
        return transitions;
    }

    public String lastSignalId() {
        return lastSignalId;
    }

    public Double lastValue() {
        return lastValue;
    }

    public Map<String, String> labels() {
        return labels == null ? Map.of() : Map.copyOf(labels);
    }
}
