package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An incident as history sees it, folded from every service's events about it. Events may come in any order and
 * each is applied once ({@link #apply}); the result is the same whatever the order: the status never goes
 * backwards (unless a reopening came after the last resolution), the first acknowledgement and resolution are
 * kept, the latest escalation sets the severity, remediation follows {@link RemediationProgress}.
 * The record exists from the first event that names the incident, and is known (listed, shown) once its
 * {@code IncidentOpened} has arrived.
 */
@Entity
@Table(name = "incident_record")
public class IncidentRecord {

    /** Who resolves an incident when no person does: its signal cleared, or remediation verified its fix. */
    public static final Set<String> AUTOMATION = Set.of("detector", "remediation");

    /** A remediation step that rolls a service back, as the runbook's emergency rollback names it. */
    private static final Pattern ROLLBACK = Pattern.compile("(?i).*\\b(rollback|roll\\w*\\b.*\\bback)\\b.*");

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

    @Enumerated(EnumType.STRING)
    private Severity openedSeverity;

    @Enumerated(EnumType.STRING)
    private Severity escalatedSeverity;

    private Instant escalatedAt;

    private int escalations;

    private Instant lastAcknowledgedAt;

    private Instant lastResolvedAt;

    private Instant lastReopenedAt;

    private int reopenings;

    private int stepsSucceeded;

    private int stepsFailed;

    private int approvalsRequested;

    private int rollbacks;

    private int notificationsSuppressed;

    private int escalationStep;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> paged;

    protected IncidentRecord() {
    }

    /** A record of an incident no event has yet said anything about: what the database creates. */
    static IncidentRecord heardOf(String id) {
        IncidentRecord record = new IncidentRecord();
        record.id = id;
        record.status = IncidentStatus.OPEN;
        record.labels = new TreeMap<>();
        record.paged = new ArrayList<>();
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
        } else if (event instanceof IncidentEscalated escalated) {
            escalate(escalated, at);
        } else if (event instanceof IncidentReopened) {
            reopenings++;
            lastReopenedAt = latest(lastReopenedAt, at);
        } else if (event instanceof RemediationEvent remediation) {
            remediate(remediation, at);
        } else if (event instanceof NotificationSent sent) {
            notificationsSent++;
            firstNotifiedAt = earliest(firstNotifiedAt, at);
            paged(sent.recipient());
        } else if (event instanceof NotificationFailed) {
            notificationsFailed++;
        } else if (event instanceof NotificationSuppressed) {
            notificationsSuppressed++;
        } else if (event instanceof EscalationStepReached step) {
            escalationStep = Math.max(escalationStep, step.step());
        }
        status = statusNow();
        severity = escalatedAt != null && escalatedSeverity != null ? escalatedSeverity : openedSeverity;
        lastEventAt = latest(lastEventAt, at);
        updatedAt = now;
    }

    /**
     * Resolved if a resolution came after the last reopening; else acknowledged if an acknowledgement did; else
     * open. A function of the latest times only, so the same in any arrival order.
     */
    private IncidentStatus statusNow() {
        if (lastResolvedAt != null && (lastReopenedAt == null || lastResolvedAt.isAfter(lastReopenedAt))) {
            return IncidentStatus.RESOLVED;
        }
        if (lastAcknowledgedAt != null && (lastReopenedAt == null || lastAcknowledgedAt.isAfter(lastReopenedAt))) {
            return IncidentStatus.ACKNOWLEDGED;
        }
        return IncidentStatus.OPEN;
    }

    private void escalate(IncidentEscalated escalated, Instant at) {
        escalations++;
        if (escalatedAt == null || at.isAfter(escalatedAt)) {
            escalatedAt = at;
            escalatedSeverity = escalated.severity();
            if (escalated.type() != null && !escalated.type().isBlank()) {
                type = escalated.type();
            }
        }
    }

    private void remediate(RemediationEvent event, Instant at) {
        RemediationProgress heard = RemediationProgress.of(event, at);
        RemediationProgress known = remediation();
        remediation(known == null ? heard : known.merge(heard));
        if (event instanceof RemediationStepSucceeded step) {
            stepsSucceeded++;
            if (step.mode() == ExecutionMode.LIVE && "UpdateService".equals(step.operation()) && step.name() != null
                    && ROLLBACK.matcher(step.name()).matches()) {
                rollbacks++;
            }
        } else if (event instanceof RemediationStepFailed) {
            stepsFailed++;
        } else if (event instanceof RemediationAwaitingApproval) {
            approvalsRequested++;
        }
    }

    private void paged(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        Set<String> all = new TreeSet<>(paged == null ? List.of() : paged);
        all.add(recipient.strip());
        paged = new ArrayList<>(all);
    }

    private void open(IncidentOpened opened, Instant at) {
        if (openedAt != null && !at.isBefore(openedAt)) {
            return;
        }
        fingerprint = opened.fingerprint();
        title = opened.title();
        openedSeverity = opened.severity();
        if (escalatedAt == null || type == null) {
            type = opened.type();
        }
        service = opened.service();
        labels = new TreeMap<>(opened.labels());
        signalId = opened.signalId();
        openedAt = at;
    }

    private void acknowledge(IncidentAcknowledged acknowledged, Instant at) {
        lastAcknowledgedAt = latest(lastAcknowledgedAt, at);
        if (acknowledgedAt == null || at.isBefore(acknowledgedAt)) {
            acknowledgedAt = at;
            acknowledgedBy = acknowledged.acknowledgedBy();
            acknowledgeNote = acknowledged.note();
        }
    }

    private void resolve(IncidentResolved resolved, Instant at) {
        lastResolvedAt = latest(lastResolvedAt, at);
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

    private static Instant latest(Instant known, Instant heard) {
        return known == null || heard.isAfter(known) ? heard : known;
    }

    /**
     * True when the incident ended without a person: resolved, never acknowledged, not resolved by a person, and
     * a live remediation succeeded. A dry run changes nothing, so it never counts.
     */
    public boolean resolvedByAutomation() {
        RemediationProgress remediation = remediation();
        return status == IncidentStatus.RESOLVED && acknowledgedAt == null && resolvedBy != null
                && AUTOMATION.contains(resolvedBy) && remediation != null
                && remediation.status() == RemediationStatus.SUCCEEDED && remediation.mode() == ExecutionMode.LIVE;
    }

    /** From the opening to the first acknowledgement; null while either is unknown. */
    public Duration timeToAcknowledge() {
        return openedAt == null || acknowledgedAt == null ? null : Duration.between(openedAt, acknowledgedAt);
    }

    /** From the opening to the first resolution; null while either is unknown. */
    public Duration timeToResolve() {
        return openedAt == null || resolvedAt == null ? null : Duration.between(openedAt, resolvedAt);
    }

    public Severity openedSeverity() {
        return openedSeverity;
    }

    public int escalations() {
        return escalations;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public int reopenings() {
        return reopenings;
    }

    public Instant lastReopenedAt() {
        return lastReopenedAt;
    }

    public int stepsSucceeded() {
        return stepsSucceeded;
    }

    public int stepsFailed() {
        return stepsFailed;
    }

    public int approvalsRequested() {
        return approvalsRequested;
    }

    public int rollbacks() {
        return rollbacks;
    }

    public int notificationsSuppressed() {
        return notificationsSuppressed;
    }

    public int escalationStep() {
        return escalationStep;
    }

    /** Whom pages reached, by name, sorted. */
    public List<String> paged() {
        return paged == null ? List.of() : List.copyOf(paged);
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
