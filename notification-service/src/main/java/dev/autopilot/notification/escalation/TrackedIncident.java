package dev.autopilot.notification.escalation;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.routing.IncidentFacts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What this service knows of an incident: its facts (to route it, and re-route it when it escalates), its policy
 * and paging round, its state (to tell whether a delayed step still applies) and what remediation last said.
 */
@Entity
@Table(name = "incident")
public class TrackedIncident {

    @Id
    private String incidentId;

    private String title;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String incidentType;

    private String service;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> labels = new HashMap<>();

    private Instant openedAt;

    private Instant receivedAt;

    private String policy;

    private int round;

    private Instant roundStartedAt;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    private Instant acknowledgedAt;

    private String acknowledgedBy;

    private Instant resolvedAt;

    private int reopened;

    private String remediation;

    @Version
    private long version;

    protected TrackedIncident() {
    }

    public static TrackedIncident opened(IncidentOpened event, String policy, Instant now) {
        TrackedIncident incident = new TrackedIncident();
        incident.incidentId = event.incidentId();
        incident.title = event.title() == null ? event.incidentId() : event.title();
        incident.severity = event.severity() == null ? Severity.UNKNOWN : event.severity();
        incident.incidentType = event.type() == null ? "unclassified" : event.type();
        incident.service = event.service();
        incident.labels = event.labels() == null ? new HashMap<>() : new HashMap<>(event.labels());
        incident.openedAt = event.openedAt() == null ? now : event.openedAt();
        incident.receivedAt = now;
        incident.policy = policy;
        incident.round = 1;
        incident.roundStartedAt = now;
        incident.status = IncidentStatus.OPEN;
        return incident;
    }

    public void acknowledge(String by, Instant at) {
        if (status == IncidentStatus.OPEN) {
            status = IncidentStatus.ACKNOWLEDGED;
            acknowledgedAt = at;
            acknowledgedBy = by;
        }
    }

    public void resolve(Instant at) {
        status = IncidentStatus.RESOLVED;
        resolvedAt = at;
    }

    /** A worse signal changed its severity (and maybe its type); the policy it now routes to. */
    public void escalate(Severity newSeverity, String newType, String newPolicy, Instant now) {
        severity = newSeverity == null ? severity : newSeverity;
        incidentType = newType == null ? incidentType : newType;
        if (!newPolicy.equals(policy)) {
            policy = newPolicy;
            roundStartedAt = now;
        }
    }

    /** Open again; a new paging round unless it is flapping. */
    public void reopen(boolean newRound, Instant now) {
        status = IncidentStatus.OPEN;
        acknowledgedAt = null;
        acknowledgedBy = null;
        resolvedAt = null;
        reopened++;
        if (newRound) {
            round++;
            roundStartedAt = now;
        }
    }

    public void remediationSays(String text) {
        remediation = text;
    }

    public IncidentFacts facts() {
        return new IncidentFacts(severity, incidentType, service, labels);
    }

    /** The incident as messages show it. */
    public Page.Incident asPageIncident() {
        return new Page.Incident(incidentId, title, severity, incidentType, service, openedAt);
    }

    public String incidentId() {
        return incidentId;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String type() {
        return incidentType;
    }

    public String service() {
        return service;
    }

    public String policy() {
        return policy;
    }

    public int round() {
        return round;
    }

    public Instant roundStartedAt() {
        return roundStartedAt;
    }

    public IncidentStatus status() {
        return status;
    }

    public boolean isAcknowledged() {
        return status == IncidentStatus.ACKNOWLEDGED;
    }

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }

    public String remediation() {
        return remediation;
    }
}
