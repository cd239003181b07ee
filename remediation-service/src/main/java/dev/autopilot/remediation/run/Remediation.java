package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.Occasion;
import dev.autopilot.remediation.playbook.PlaybookStep;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One playbook run, for an incident (or a recommendation, a person, the backup schedule): its steps in order,
 * what they found out, and where it stands. Its transitions are here; the events announcing them are written by
 * {@link RemediationPublisher} in the same transaction.
 */
@Entity
@Table(name = "remediation")
public class Remediation {

    /** Who undoes a remediation whose verification failed. */
    public static final String SELF = "remediation";

    @Id
    private UUID id;

    private UUID incidentId;

    private String triggerKey;

    private String requestedBy;

    private String playbook;

    @Enumerated(EnumType.STRING)
    private ExecutionMode mode;

    @Enumerated(EnumType.STRING)
    private RemediationStatus status;

    private String target;

    private boolean changes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> occasion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> facts;

    private Instant plannedAt;

    private Instant startedAt;

    private Instant finishedAt;

    private Instant cancelledAt;

    private String cancelReason;

    private String failure;

    private String summary;

    private Instant undoneAt;

    private String undoneBy;

    @OneToMany(mappedBy = "remediation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RemediationStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected Remediation() {
    }

    /**
     * What a new remediation is for.
     *
     * @param incidentId  the incident it answers, or null
     * @param triggerKey  what started it, unique: a second remediation for the same trigger is never planned
     * @param requestedBy who or what asked: {@code incident}, {@code recommendation}, {@code schedule}, a principal
     * @param playbook    the playbook's name
     * @param mode        live or dry-run
     * @param target      what it acts on (its lock)
     * @param changes     whether any step changes something
     * @param occasion    what it answers
     */
    public record Plan(UUID incidentId, String triggerKey, String requestedBy, String playbook, ExecutionMode mode,
            String target, boolean changes, Occasion occasion) {
    }

    /** A new remediation: the playbook's steps, numbered from 1, the first due now. */
    public static Remediation plan(Plan plan, List<PlaybookStep> steps, Instant at) {
        Remediation remediation = new Remediation();
        remediation.id = UUID.randomUUID();
        remediation.incidentId = plan.incidentId();
        remediation.triggerKey = plan.triggerKey();
        remediation.requestedBy = plan.requestedBy();
        remediation.playbook = plan.playbook();
        remediation.mode = plan.mode();
        remediation.target = plan.target();
        remediation.changes = plan.changes();
        Map<String, Object> occasion = new LinkedHashMap<>();
        occasion.put("type", plan.occasion().type());
        occasion.put("title", plan.occasion().title());
        occasion.put("labels", new LinkedHashMap<>(plan.occasion().labels()));
        remediation.occasion = occasion;
        remediation.facts = new LinkedHashMap<>();
        remediation.status = RemediationStatus.PLANNED;
        // as the database keeps it, so the event and the API show the same instant
        remediation.plannedAt = micros(at);
        for (int i = 0; i < steps.size(); i++) {
            remediation.steps.add(RemediationStep.of(remediation, i + 1, steps.get(i)));
        }
        remediation.steps.stream().findFirst().ifPresent(first -> first.dueAt(remediation.plannedAt));
        return remediation;
    }

    /** One of its steps, by id. */
    public RemediationStep step(UUID stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("remediation " + id + " has no step " + stepId));
    }

    /** The first step that has not finished, if any. */
    public Optional<RemediationStep> currentStep() {
        return steps.stream().filter(step -> !step.status().isFinished()).findFirst();
    }

    /** Whether it began to run (it may have finished since). */
    public boolean isStarted() {
        return startedAt != null;
    }

    public void start(Instant now) {
        status = RemediationStatus.RUNNING;
        startedAt = micros(now);
    }

    /** Waits for its target's lock; checks again at {@code recheckAt} unless a release wakes it first. */
    public void queue(RemediationStep current, Instant recheckAt) {
        status = RemediationStatus.QUEUED;
        current.dueAt(recheckAt);
    }

    public void awaitApproval() {
        status = RemediationStatus.AWAITING_APPROVAL;
    }

    public void resume() {
        if (status == RemediationStatus.AWAITING_APPROVAL || status == RemediationStatus.QUEUED) {
            status = RemediationStatus.RUNNING;
        }
    }

    public void succeed(String outcome, Instant now) {
        status = RemediationStatus.SUCCEEDED;
        summary = outcome;
        finish(now);
    }

    public void fail(String reason, Instant now) {
        status = RemediationStatus.FAILED;
        failure = reason;
        summary = reason;
        finish(now);
    }

    /** A safety rail stopped it: people take over. Not a failure of the remediation itself. */
    public void escalate(String reason, Instant now) {
        status = RemediationStatus.ESCALATED;
        summary = reason;
        finish(now);
    }

    public void reject(String reason, Instant now) {
        status = RemediationStatus.REJECTED;
        summary = reason;
        finish(now);
    }

    /** The incident no longer needs it: every step not yet finished is cancelled. */
    public void cancel(String reason, Instant at) {
        status = RemediationStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = micros(at);
        finish(at);
    }

    /**
     * Begins to reverse what its steps changed: a step per change that can be restored, newest first, the first
     * due now. {@code failure} is why, when it is undone because it failed.
     */
    public void beginUndo(String by, String failureReason, Instant now) {
        List<RemediationStep> undone = new ArrayList<>(undoable());
        Collections.reverse(undone);
        steps.forEach(RemediationStep::cancel);
        int position = steps.size();
        for (RemediationStep step : undone) {
            steps.add(RemediationStep.undoing(this, ++position, step));
        }
        if (failureReason != null) {
            failure = failureReason;
        }
        undoneBy = by;
        status = RemediationStatus.UNDOING;
        currentStep().ifPresent(first -> first.dueAt(now));
    }

    /** Its changes are reversed: undone, or failed when a failed verification undid it. */
    public void finishUndo(String outcome, Instant now) {
        undoneAt = micros(now);
        summary = outcome;
        status = failure != null && SELF.equals(undoneBy) ? RemediationStatus.FAILED : RemediationStatus.UNDONE;
        finishedAt = micros(now);
    }

    /** The steps that changed something that can be restored, in plan order. */
    public List<RemediationStep> undoable() {
        return steps.stream()
                .filter(step -> step.phase() == StepPhase.RUN && step.status() == StepStatus.SUCCEEDED)
                .filter(step -> step.undoCall().isPresent())
                .toList();
    }

    /** Whether a step of the playbook before {@code step} changed something (or recorded the change, in a dry run). */
    public boolean changedBefore(RemediationStep step) {
        return steps.stream().anyMatch(other -> other.position() < step.position() && other.phase() == StepPhase.RUN
                && other.kind() != null && other.status() == StepStatus.SUCCEEDED);
    }

    public void learn(Map<String, Object> found) {
        facts.putAll(found);
    }

    private void finish(Instant now) {
        steps.forEach(RemediationStep::cancel);
        finishedAt = micros(now);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String incidentIdText() {
        return incidentId == null ? null : incidentId.toString();
    }

    public String triggerKey() {
        return triggerKey;
    }

    public String requestedBy() {
        return requestedBy;
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

    public String target() {
        return target;
    }

    public boolean changes() {
        return changes;
    }

    /** What it answers: {@code type}, {@code title}, {@code labels}. */
    public Map<String, Object> occasion() {
        return occasion == null ? Map.of() : Collections.unmodifiableMap(occasion);
    }

    @SuppressWarnings("unchecked")
    public Occasion occasionRecord() {
        Map<String, String> labels = new LinkedHashMap<>();
        Object stored = occasion().get("labels");
        if (stored instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> labels.put(k, String.valueOf(v)));
        }
        return new Occasion(incidentIdText(), (String) occasion().get("type"), (String) occasion().get("title"), labels);
    }

    /** What its steps found out, and the target's history it started with. */
    public Map<String, Object> facts() {
        return facts == null ? Map.of() : Collections.unmodifiableMap(facts);
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public String failure() {
        return failure;
    }

    public String summary() {
        return summary;
    }

    public Instant undoneAt() {
        return undoneAt;
    }

    public String undoneBy() {
        return undoneBy;
    }

    /** The steps in order. */
    public List<RemediationStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}
