package dev.autopilot.detector.incident;

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

/** A signal that fed an incident: the evidence behind it. */
@Entity
@Table(name = "incident_signal")
public class IncidentSignal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;

    private String signalId;

    private String source;

    @Enumerated(EnumType.STRING)
    private SignalStatus status;

    private String title;

    private Instant observedAt;

    private Instant receivedAt;

    protected IncidentSignal() {
    }

    public static IncidentSignal of(UUID incidentId, SignalReceived signal) {
        IncidentSignal attached = new IncidentSignal();
        attached.incidentId = incidentId;
        attached.signalId = signal.signalId();
        attached.source = signal.source();
        attached.status = signal.status();
        attached.title = signal.title();
        attached.observedAt = signal.observedAt();
        attached.receivedAt = signal.receivedAt();
        return attached;
    }
}
