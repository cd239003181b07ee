package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The evidence behind an incident: a signal that changed something about it (opened it, joined it, raised its
 * severity, cleared a condition, reopened it). Plain repeats are counted on the condition instead.
 */
@Entity
@Table(name = "incident_signal")
public class IncidentSignal {

    /** What the signal did to the incident. */
    public enum Effect {
        OPENED,
        JOINED,
        ESCALATED,
        REFIRED,
        CLEARING,
        CLEARED,
        REOPENED,
        RECORDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;

    private String signalId;

    private String fingerprint;

    private String source;

    @Enumerated(EnumType.STRING)
    private SignalStatus status;

    @Enumerated(EnumType.STRING)
    private Effect effect;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String rule;

    private String title;

    private Double value;

    private Instant observedAt;

    private Instant receivedAt;

    protected IncidentSignal() {
    }

    public static IncidentSignal of(UUID incidentId, SignalReceived signal, Effect effect, Severity severity,
            String rule) {
        IncidentSignal evidence = new IncidentSignal();
        evidence.incidentId = incidentId;
        evidence.signalId = signal.signalId();
        evidence.fingerprint = signal.fingerprint();
        evidence.source = signal.source();
        evidence.status = signal.status();
        evidence.effect = effect;
        evidence.severity = severity;
        evidence.rule = rule;
        evidence.title = signal.title();
        evidence.value = signal.value();
        evidence.observedAt = signal.observedAt();
        evidence.receivedAt = signal.receivedAt();
        return evidence;
    }

    public Long id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String signalId() {
        return signalId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String source() {
        return source;
    }

    public SignalStatus status() {
        return status;
    }

    public Effect effect() {
        return effect;
    }

    public Severity severity() {
        return severity;
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    public Double value() {
        return value;
    }

    public Instant observedAt() {
        return observedAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
