package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An incident as history sees it, folded from every service's events about it. Events may come in any order and
 * each is applied once ({@link #apply}); the result is the same whatever the order: the status never goes
 * backwards, the first acknowledgement and resolution are kept, remediation follows {@link RemediationProgress}.
 * The record exists from the first event that names the incident, and is known (listed, shown) once its
 * {@code IncidentOpened} has arrived.
 */
@Entity
@Table(name = "incident_record")
public class IncidentRecord {

    @Id
    private String id;

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

    private String signalId;

    private Instant openedAt;

    private Instant acknowledgedAt;

    private String acknowledgedBy;

    private String acknowledgeNote;

    private Instant resolvedAt;

    private String resolvedBy;

    private String resolveNote;

    private String remediationId;

    @Enumerated(EnumType.STRING)
    private RemediationStatus remediationStatus;

    private String remediationPlaybook;

    @Enumerated(EnumType.STRING)
    private ExecutionMode remediationMode;

    private Integer remediationSteps;

    private Instant remediationAt;

    private int notificationsSent;

    private int notificationsFailed;

    private Instant firstNotifiedAt;

    private Instant lastEventAt;

    private Instant updatedAt;

    protected IncidentRecord() {
    }

    /** A record of an incident no event has yet said anything about: what the database creates. */
    static IncidentRecord heardOf(String id) {
        IncidentRecord record = new IncidentRecord();
        record.id = id;
        record.status = IncidentStatus.OPEN;
        record.labels = new TreeMap<>();
        return record;
    }

    /**
     * Folds one event about this incident into the record.
     *
     * @param event the event
     * @param at    the event's time
     * @param now   when it is applied
     */
    public void apply(Event event, Instant at, Instant now) {
        if (event instanceof IncidentOpened opened) {
            open(opened, at);
        } else if (event instanceof IncidentAcknowledged acknowledged) {
            acknowledge(acknowledged, at);
        } else if (event instanceof IncidentResolved resolved) {
            resolve(resolved, at);
        } else if (event instanceof RemediationEvent remediation) {
            RemediationProgress heard = RemediationProgress.of(remediation, at);
            RemediationProgress known = remediation();
            remediation(known == null ? heard : known.merge(heard));
        } else if (event instanceof NotificationSent) {
            notificationsSent++;
            firstNotifiedAt = earliest(firstNotifiedAt, at);
        } else if (event instanceof NotificationFailed) {
            notificationsFailed++;
        }
        lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        updatedAt = now;
    }

    private void open(IncidentOpened opened, Instant at) {
        if (openedAt != null && !at.isBefore(openedAt)) {
            return;
        }
        fingerprint = opened.fingerprint();
        title = opened.title();
        severity = opened.severity();
        type = opened.type();
        service = opened.service();
        labels = new TreeMap<>(opened.labels());
        signalId = opened.signalId();
        openedAt = at;
    }

    private void acknowledge(IncidentAcknowledged acknowledged, Instant at) {
        status = status.furthest(IncidentStatus.ACKNOWLEDGED);
        if (acknowledgedAt == null || at.isBefore(acknowledgedAt)) {
            acknowledgedAt = at;
            acknowledgedBy = acknowledged.acknowledgedBy();
            acknowledgeNote = acknowledged.note();
        }
    }

    private void resolve(IncidentResolved resolved, Instant at) {
        status = status.furthest(IncidentStatus.RESOLVED);
        if (resolvedAt == null || at.isBefore(resolvedAt)) {
            resolvedAt = at;
            resolvedBy = resolved.resolvedBy();
            resolveNote = resolved.note();
        }
    }

    private void remediation(RemediationProgress progress) {
        remediationId = progress.remediationId();
        remediationStatus = progress.status();
        remediationPlaybook = progress.playbook();
        remediationMode = progress.mode();
        remediationSteps = progress.steps();
        remediationAt = progress.at();
    }

    private static Instant earliest(Instant known, Instant heard) {
        return known == null || heard.isBefore(known) ? heard : known;
    }

    /** True once the incident's {@code IncidentOpened} has been applied. */
    public boolean isKnown() {
        return openedAt != null;
    }

    public String id() {
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

    public String signalId() {
        return signalId;
    }

    public Instant openedAt() {
        return openedAt;
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

    /** The incident's remediation, or {@code null} when none has been heard of. */
    public RemediationProgress remediation() {
        return remediationStatus == null ? null : new RemediationProgress(remediationId, remediationStatus,
                remediationPlaybook, remediationMode, remediationSteps, remediationAt);
    }

    public int notificationsSent() {
        return notificationsSent;
    }

    public int notificationsFailed() {
        return notificationsFailed;
    }

    public Instant firstNotifiedAt() {
        return firstNotifiedAt;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
