package dev.autopilot.reporting.signal;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One signal the detector took in (an alarm state, an alert, a check result), kept as a sample: what service
 * levels are computed from. One per signal id.
 */
@Entity
@Table(name = "signal_sample")
public class SignalSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String signalId;

    private String fingerprint;

    private String source;

    @Enumerated(EnumType.STRING)
    private SignalStatus status;

    private String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> labels;

    private Double value;

    private Double threshold;

    private Instant observedAt;

    private Instant receivedAt;

    protected SignalSample() {
    }

    /** The sample of a signal; observed at the event's time when the signal does not say. */
    public static SignalSample of(SignalReceived signal, Instant at) {
        SignalSample sample = new SignalSample();
        sample.signalId = signal.signalId();
        sample.fingerprint = signal.fingerprint();
        sample.source = signal.source();
        sample.status = signal.status();
        sample.title = signal.title();
        sample.labels = new TreeMap<>(signal.labels());
        sample.value = signal.value();
        sample.threshold = signal.threshold();
        sample.observedAt = signal.observedAt() != null ? signal.observedAt() : at;
        sample.receivedAt = signal.receivedAt();
        return sample;
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

    public Map<String, String> labels() {
        return labels == null ? Map.of() : Map.copyOf(labels);
    }

    public Double value() {
        return value;
    }

    public Double threshold() {
        return threshold;
    }

    public Instant observedAt() {
        return observedAt;
    }
}
