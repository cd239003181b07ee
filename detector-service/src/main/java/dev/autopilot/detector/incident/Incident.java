package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A problem the detector is tracking: opened by the first firing condition, joined by the other conditions of the
 * same service within the correlation window ({@link IncidentCondition}), acknowledged by a person, resolved when
 * all its conditions have cleared or a person says so, reopened when it comes back soon after. Its transitions
 * are here; the events announcing them are written by {@link IncidentPublisher} in the same transaction.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    private UUID id;

    private String fingerprint;

    private String title;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String type;

    private String service;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> labels;

    private int signalCount;

    private Instant openedAt;

    private Instant lastSignalAt;

    private Instant acknowledgedAt;

    private String acknowledgedBy;

    private String acknowledgeNote;

    private Instant resolvedAt;

    private String resolvedBy;

    private String resolveNote;

    private String correlationKey;

    private String agent;

    private boolean flapping;

    private Instant resolveDueAt;

    private int reopenedCount;

    private Instant reopenedAt;

    @Version
    private long version;

    protected Incident() {
    }

    /** A new open incident, from the signal that revealed it. */
    public static Incident open(String fingerprint, String title, Severity severity, String type, String service,
            String agent, String correlationKey, Map<String, String> labels, Instant at) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.fingerprint = fingerprint;
        incident.title = title;
        incident.severity = severity;
        incident.type = type;
        incident.service = service;
        incident.agent = agent;
        incident.correlationKey = correlationKey;
        incident.labels = new TreeMap<>(labels);
        incident.status = IncidentStatus.OPEN;
        incident.signalCount = 0;
        incident.openedAt = at;
        incident.lastSignalAt = at;
        return incident;
    }

    /** Firing signals of its conditions arrived; the last at {@code at}. */
    public void recordSignals(int count, Instant at) {
        signalCount += count;
        if (lastSignalAt == null || at.isAfter(lastSignalAt)) {
            lastSignalAt = at;
        }
    }

    /** A worse condition joined: the incident takes its severity and type. Returns the severity it had. */
    public Severity escalate(Severity worse, String worseType) {
        Severity previous = severity;
        severity = worse;
        type = worseType;
        return previous;
    }

    /** Its conditions flap: it stays open until they have been quiet for a while. */
    public void markFlapping() {
        flapping = true;
    }

    /** Every condition has cleared, but it flaps: resolve at {@code due} if nothing fires again before. */
    public void resolveAt(Instant due) {
        resolveDueAt = due;
    }

    /** A condition fired again: a resolution waiting for quiet is off. */
    public void cancelResolve() {
        resolveDueAt = null;
    }

    /** The same problem came back within the reopen window: the incident is open again, to be acknowledged anew. */
    public void reopen(Instant at) {
        if (status != IncidentStatus.RESOLVED) {
            throw new IllegalStateException("only a resolved incident can be reopened");
        }
        status = IncidentStatus.OPEN;
        acknowledgedAt = null;
        acknowledgedBy = null;
        acknowledgeNote = null;
        resolvedAt = null;
        resolvedBy = null;
        resolveNote = null;
        resolveDueAt = null;
        flapping = false;
        reopenedCount++;
        reopenedAt = at;
        lastSignalAt = at;
    }

    /** A person takes the incident. Only an open incident can be acknowledged. */
    public void acknowledge(String by, String note, Instant at) {
        if (status != IncidentStatus.OPEN) {
            throw new IllegalStateException(status == IncidentStatus.ACKNOWLEDGED
                    ? "already acknowledged by " + acknowledgedBy
                    : "already resolved");
        }
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgeNote = note;
        acknowledgedAt = at;
    }

    /** The incident is over. A resolved incident cannot be resolved again. */
    public void resolve(String by, String note, Instant at) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalStateException("already resolved by " + resolvedBy);
        }
        status = IncidentStatus.RESOLVED;
        resolvedBy = by;
        resolveNote = note;
        resolvedAt = at;
        resolveDueAt = null;
        flapping = false;
    }

    public UUID id() {
        return id;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String type() {
        return type;
    }

    public String service() {
        return service;
    }

    public IncidentStatus status() {
        return status;
    }

    public Map<String, String> labels() {
        return labels == null ? Map.of() : Map.copyOf(labels);
    }

    public int signalCount() {
        return signalCount;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastSignalAt() {
        return lastSignalAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public String acknowledgeNote() {
        return acknowledgeNote;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String resolveNote() {
        return resolveNote;
    }

    public String correlationKey() {
        return correlationKey;
    }

    public String agent() {
        return agent;
    }

    public boolean flapping() {
        return flapping;
    }

    public Instant resolveDueAt() {
        return resolveDueAt;
    }

    public int reopenedCount() {
        return reopenedCount;
    }

    public Instant reopenedAt() {
        return reopenedAt;
    }
}
