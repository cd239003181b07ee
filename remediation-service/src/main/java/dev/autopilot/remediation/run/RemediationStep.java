package dev.autopilot.remediation.run;

import dev.autopilot.remediation.playbook.PlaybookStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One call of a remediation, at its position in the plan, with the exact parameters it sends. */
@Entity
@Table(name = "remediation_step")
public class RemediationStep {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remediation_id")
    private Remediation remediation;

    private int position;

    private String name;

    private String service;

    private String operation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> parameters;

    private boolean requiresApproval;

    @Enumerated(EnumType.STRING)
    private StepStatus status;

    protected RemediationStep() {
    }

    static RemediationStep of(Remediation remediation, int position, PlaybookStep step) {
        RemediationStep planned = new RemediationStep();
        planned.id = UUID.randomUUID();
        planned.remediation = remediation;
        planned.position = position;
        planned.name = step.name();
        planned.service = step.service();
        planned.operation = step.operation();
        planned.parameters = new LinkedHashMap<>(step.parameters());
        planned.requiresApproval = step.requiresApproval();
        planned.status = StepStatus.PLANNED;
        return planned;
    }

    void cancel() {
        if (status == StepStatus.PLANNED) {
            status = StepStatus.CANCELLED;
        }
    }

    /** 1-based position in the plan. */
    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public Map<String, Object> parameters() {
        return parameters == null ? Map.of() : Collections.unmodifiableMap(parameters);
    }

    public boolean requiresApproval() {
        return requiresApproval;
    }

    public StepStatus status() {
        return status;
    }
}
