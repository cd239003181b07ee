package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.StepCall;
import dev.autopilot.remediation.audit.Redaction;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One call of a remediation, at its position in the plan: the exact parameters it sends and, once run, its
 * attempts, the request it sent (secrets redacted), what it read, its outcome, and the state it replaced with the
 * call that restores it. Its {@code dueAt} is the engine's timer: when it runs next.
 */
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

    private String kind;

    private String runCondition;

    private Long timeoutSeconds;

    private boolean undoOnFailure;

    @Enumerated(EnumType.STRING)
    private StepPhase phase;

    private Integer undoesPosition;

    @Enumerated(EnumType.STRING)
    private ExecutionMode mode;

    private int attempts;

    private Instant dueAt;

    private Instant deadline;

    private Instant startedAt;

    private Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> request;

    private Boolean sent;

    private String outcome;

    private String error;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> evidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> beforeState;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> undoCall;

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
        planned.kind = step.kind();
        planned.runCondition = step.condition();
        planned.timeoutSeconds = step.timeout() == null ? null : step.timeout().toSeconds();
        planned.undoOnFailure = step.undoOnFailure();
        planned.phase = StepPhase.RUN;
        planned.status = StepStatus.PLANNED;
        return planned;
    }

    /** A step that restores what {@code undone} replaced, by the call it kept. */
    static RemediationStep undoing(Remediation remediation, int position, RemediationStep undone) {
        StepCall call = undone.undoCall().orElseThrow();
        RemediationStep step = new RemediationStep();
        step.id = UUID.randomUUID();
        step.remediation = remediation;
        step.position = position;
        step.name = "Undo step " + undone.position + ": " + undone.name;
        step.service = call.service();
        step.operation = call.operation();
        step.parameters = new LinkedHashMap<>(call.parameters());
        step.phase = StepPhase.UNDO;
        step.undoesPosition = undone.position;
        step.status = StepStatus.PLANNED;
        return step;
    }

    /** Runs next at that time. */
    public void dueAt(Instant at) {
        dueAt = at;
    }

    /** Records one attempt's request and evidence; sets the wait's deadline on the first one. */
    public void attempted(ActionResult result, ExecutionMode stepMode, Instant now) {
        attempts++;
        mode = stepMode;
        if (startedAt == null) {
            startedAt = micros(now);
        }
        if (deadline == null && timeoutSeconds != null) {
            deadline = micros(now.plusSeconds(timeoutSeconds));
        }
        request = result.request().isEmpty() && request != null ? request : Redaction.redact(result.request());
        sent = Boolean.TRUE.equals(sent) || result.sent();
        if (!result.evidence().isEmpty()) {
            evidence = new LinkedHashMap<>(result.evidence());
        }
        outcome = result.outcome();
        if (beforeState == null && result.before() != null) {
            // the first state read before a change was sent is the one it replaced, whatever later attempts read
            beforeState = new LinkedHashMap<>(result.before());
        }
        if (result.undo() != null) {
            undoCall = Map.of("service", result.undo().service(), "operation", result.undo().operation(),
                    "parameters", result.undo().parameters());
        }
    }

    public void succeed(ActionResult result, Instant now) {
        status = StepStatus.SUCCEEDED;
        outcome = result.outcome();
        error = null;
        finish(now);
    }

    /** Checks again at {@code due} (a wait whose condition does not hold yet). */
    public void waitUntil(Instant due) {
        status = StepStatus.WAITING;
        dueAt = due;
    }

    /** Tries again at {@code due} after a failure that may pass. */
    public void retryAt(Instant due, String reason) {
        status = StepStatus.RETRYING;
        error = reason;
        dueAt = due;
    }

    public void fail(String reason, Instant now) {
        status = StepStatus.FAILED;
        error = reason;
        finish(now);
    }

    public void skip(String reason, Instant now) {
        status = StepStatus.SKIPPED;
        outcome = reason;
        finish(now);
    }

    /** Waits for a person until {@code expiresAt}, when the engine looks at it again. */
    public void awaitApproval(Instant expiresAt) {
        status = StepStatus.AWAITING_APPROVAL;
        dueAt = expiresAt;
    }

    /** Approved: runs now. */
    public void approved(Instant now) {
        status = StepStatus.PLANNED;
        dueAt = now;
    }

    public void cancel() {
        if (!status.isFinished()) {
            status = StepStatus.CANCELLED;
            dueAt = null;
        }
    }

    private void finish(Instant now) {
        finishedAt = micros(now);
        dueAt = null;
    }

    /** Whether its wait ran out. */
    public boolean pastDeadline(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    public Duration timeout() {
        return timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    }

    /** The call that restores what the step replaced, if it replaced something that can be restored. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<StepCall> undoCall() {
        if (undoCall == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new StepCall((String) undoCall.get("service"), (String) undoCall.get("operation"),
                (Map<String, Object>) undoCall.get("parameters")));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public Remediation remediation() {
        return remediation;
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

    public String kind() {
        return kind;
    }

    public String runCondition() {
        return runCondition;
    }

    public boolean undoOnFailure() {
        return undoOnFailure;
    }

    public StepPhase phase() {
        return phase;
    }

    public Integer undoesPosition() {
        return undoesPosition;
    }

    public ExecutionMode mode() {
        return mode;
    }

    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Map<String, Object> request() {
        return request;
    }

    public Boolean sent() {
        return sent;
    }

    public String outcome() {
        return outcome;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> evidence() {
        return evidence;
    }

    public Map<String, Object> beforeState() {
        return beforeState;
    }
}
