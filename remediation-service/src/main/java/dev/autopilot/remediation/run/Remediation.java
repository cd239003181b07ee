package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.PlaybookStep;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One playbook run for one incident: the steps it makes, in order, and where it stands. Planned when the incident
 * opens, cancelled if the incident is resolved before it runs. Its transitions are here; the events announcing
 * them are written by {@link RemediationPublisher} in the same transaction.
 */
@Entity
@Table(name = "remediation")
public class Remediation {

    @Id
    private UUID id;

    private UUID incidentId;

    private String playbook;

    @Enumerated(EnumType.STRING)
    private ExecutionMode mode;

    @Enumerated(EnumType.STRING)
    private RemediationStatus status;

    private Instant plannedAt;

    private Instant cancelledAt;

    private String cancelReason;

    @OneToMany(mappedBy = "remediation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RemediationStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected Remediation() {
    }

    /** A new plan: the playbook's steps, numbered from 1, none run yet. */
    public static Remediation plan(UUID incidentId, String playbook, ExecutionMode mode, List<PlaybookStep> steps,
            Instant at) {
        Remediation remediation = new Remediation();
        remediation.id = UUID.randomUUID();
        remediation.incidentId = incidentId;
        remediation.playbook = playbook;
        remediation.mode = mode;
        remediation.status = RemediationStatus.PLANNED;
        // as the database keeps it, so the event and the API show the same instant
        remediation.plannedAt = at.truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < steps.size(); i++) {
            remediation.steps.add(RemediationStep.of(remediation, i + 1, steps.get(i)));
        }
        return remediation;
    }

    /** The incident no longer needs it: it and every step not yet run are cancelled. Only a plan can be cancelled. */
    public void cancel(String reason, Instant at) {
        if (status != RemediationStatus.PLANNED) {
            throw new IllegalStateException("remediation " + id + " is " + status + ", not PLANNED");
        }
        status = RemediationStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = at;
        steps.forEach(RemediationStep::cancel);
    }

    public boolean isPlanned() {
        return status == RemediationStatus.PLANNED;
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String playbook() {
        return playbook;
    }

    public ExecutionMode mode() {
        return mode;
    }

    public RemediationStatus status() {
        return status;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** The steps in order. */
    public List<RemediationStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}
