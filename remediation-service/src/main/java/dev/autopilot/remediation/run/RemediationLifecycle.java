package dev.autopilot.remediation.run;

import dev.autopilot.remediation.approval.ApprovalRepository;
import dev.autopilot.remediation.audit.AuditTrail;
import dev.autopilot.remediation.playbook.StepConditions;
import dev.autopilot.remediation.safety.CircuitBreaker;
import dev.autopilot.remediation.safety.TargetHistory;
import dev.autopilot.remediation.safety.TargetLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * How a remediation begins and ends, in the caller's transaction: the circuit breaker and the target's lock at the
 * start; at the end, the lock released (the remediations queued for the target try again), the pending approval
 * cancelled, the event announced and the audit record appended. A failure that opens the circuit breaker also asks
 * people to take over ({@code RemediationEscalated}).
 */
@ApplicationScoped
public class RemediationLifecycle {

    private static final Logger LOG = Logger.getLogger(RemediationLifecycle.class);

    private final RemediationRepository remediations;
    private final ApprovalRepository approvals;
    private final RemediationPublisher publisher;
    private final TargetLocks locks;
    private final TargetHistory history;
    private final CircuitBreaker breaker;
    private final AuditTrail audit;

    @Inject
    public RemediationLifecycle(RemediationRepository remediations, ApprovalRepository approvals,
            RemediationPublisher publisher, TargetLocks locks, TargetHistory history, CircuitBreaker breaker,
            AuditTrail audit) {
        this.remediations = remediations;
        this.approvals = approvals;
        this.publisher = publisher;
        this.locks = locks;
        this.history = history;
        this.breaker = breaker;
        this.audit = audit;
    }

    /**
     * Starts the remediation whose first step is due: unless automation is stopped for its target (it escalates)
     * or another remediation holds the target (it queues, and checks again at {@code recheckAt} unless the release
     * wakes it first). True when it runs.
     */
    public boolean start(Remediation remediation, RemediationStep first, Instant now, Duration lockRecheck) {
        if (remediation.changes()) {
            Optional<Instant> stopped = breaker.openUntil(history.outcomes(remediation.target(), breaker.failures()),
                    now);
            if (stopped.isPresent()) {
                escalate(remediation, "automation is stopped for " + remediation.target() + " until " + stopped.get()
                        + ": its last " + breaker.failures() + " remediations failed; people take over", now);
                return false;
            }
            if (!locks.acquire(remediation.target(), remediation.id(), now)) {
                if (remediation.status() != RemediationStatus.QUEUED) {
                    String holder = locks.holder(remediation.target()).map(Object::toString).orElse("another");
                    LOG.infof("incident %s: remediation %s waits: remediation %s runs on %s",
                            remediation.incidentId(), remediation.id(), holder, remediation.target());
                    record(remediation, null, "queued", "waits for remediation " + holder + " on the same target",
                            now);
                }
                remediation.queue(first, now.plus(lockRecheck));
                return false;
            }
            remediation.learn(history(remediation.target()));
        }
        remediation.start(now);
        publisher.started(remediation);
        record(remediation, null, "started", remediation.playbook() + " on " + remediation.target() + ", "
                + remediation.mode(), now);
        LOG.infof("incident %s: remediation %s started (%s, playbook %s, target %s)", remediation.incidentId(),
                remediation.id(), remediation.mode(), remediation.playbook(), remediation.target());
        return true;
    }

    /** Whether the remediation holds its target (taking it if it is free), as it must to change or undo anything. */
    public boolean holdsTarget(Remediation remediation, Instant now) {
        return !remediation.changes() || locks.acquire(remediation.target(), remediation.id(), now);
    }

    /** Every step finished: announced with what the steps did. */
    public void succeed(Remediation remediation, Instant now) {
        remediation.succeed(summary(remediation), now);
        release(remediation, now);
        publisher.succeeded(remediation);
        record(remediation, null, "succeeded", remediation.summary(), now);
        LOG.infof("incident %s: remediation %s succeeded: %s", remediation.incidentId(), remediation.id(),
                remediation.summary());
    }

    /** A step failed for good: people take over; the failure may open the target's circuit breaker. */
    public void fail(Remediation remediation, String reason, Instant now) {
        remediation.fail(reason, now);
        finishFailed(remediation, now);
    }

    /** A safety rail stopped the remediation: people take over. */
    public void escalate(Remediation remediation, String reason, Instant now) {
        remediation.escalate(reason, now);
        release(remediation, now);
        publisher.escalated(remediation, reason, now);
        record(remediation, null, "escalated", reason, now);
        LOG.warnf("incident %s: remediation %s escalated to people: %s", remediation.incidentId(), remediation.id(),
                reason);
    }

    /** A person said no to a step. */
    public void reject(Remediation remediation, String reason, Instant now) {
        remediation.reject(reason, now);
        release(remediation, now);
        publisher.failed(remediation, reason);
        LOG.infof("incident %s: remediation %s stopped: %s", remediation.incidentId(), remediation.id(), reason);
    }

    /** Its incident was resolved: what has not run will not. */
    public void cancel(Remediation remediation, String reason, Instant now) {
        remediation.cancel(reason, now);
        release(remediation, now);
        record(remediation, null, "cancelled", reason, now);
        LOG.infof("incident %s: remediation %s cancelled: %s", remediation.incidentId(), remediation.id(), reason);
    }

    /** Begins to reverse the remediation's changes; {@code failure} says why when a failure undoes it. */
    public void beginUndo(Remediation remediation, String by, String failure, Instant now) {
        remediation.beginUndo(by, failure, now);
        record(remediation, null, "undo requested", "by " + by + (failure == null ? "" : " after: " + failure)
                + "; " + remediation.undoable().size() + " change(s) to restore", now);
        LOG.infof("incident %s: remediation %s: undoing its changes (asked by %s)", remediation.incidentId(),
                remediation.id(), by);
    }

    /** Its changes are restored. */
    public void finishUndo(Remediation remediation, Instant now) {
        List<String> restored = remediation.steps().stream()
                .filter(step -> step.phase() == StepPhase.UNDO && step.status() == StepStatus.SUCCEEDED)
                .map(RemediationStep::outcome).toList();
        remediation.finishUndo("restored: " + String.join("; ", restored), now);
        release(remediation, now);
        publisher.undone(remediation);
        record(remediation, null, "undone", remediation.summary(), now);
        LOG.infof("incident %s: remediation %s undone: %s", remediation.incidentId(), remediation.id(),
                remediation.summary());
        if (remediation.status() == RemediationStatus.FAILED) {
            finishFailed(remediation, now);
        }
    }

    private void finishFailed(Remediation remediation, Instant now) {
        release(remediation, now);
        publisher.failed(remediation, remediation.failure());
        record(remediation, null, "failed", remediation.failure(), now);
        LOG.warnf("incident %s: remediation %s failed: %s", remediation.incidentId(), remediation.id(),
                remediation.failure());
        remediations.flush();
        breaker.openUntil(history.outcomes(remediation.target(), breaker.failures()), now).ifPresent(until -> {
            String reason = breaker.failures() + " remediations of " + remediation.target()
                    + " failed in a row: automation stops for it until " + until + ", people take over";
            publisher.escalated(remediation, reason, now);
            record(remediation, null, "circuit breaker opened", reason, now);
            LOG.warnf("incident %s: %s", remediation.incidentId(), reason);
        });
    }

    /** Appends an audit record about the remediation (the engine acts). */
    public void record(Remediation remediation, RemediationStep step, String action, String outcome, Instant now) {
        audit.append(new AuditTrail.Fact(AuditTrail.ENGINE, action, remediation.id(), remediation.incidentId(),
                step == null ? null : step.position(), remediation.target(),
                step == null ? null : step.request(), outcome), now);
    }

    private void release(Remediation remediation, Instant now) {
        approvals.ofRemediation(remediation.id()).forEach(approval -> approval.cancel(now));
        if (remediation.changes()) {
            locks.release(remediation.target(), remediation.id());
            remediations.wakeQueued(remediation.target(), now);
        }
    }

    /** What this service did to the target before, for the playbooks' conditions. */
    private Map<String, Object> history(String target) {
        Map<String, Object> facts = new LinkedHashMap<>();
        history.lastChange(target, "rollback").ifPresent(rollback -> {
            facts.put(StepConditions.LAST_ROLLBACK_TO, rollback.taskDefinition());
            facts.put(StepConditions.LAST_ROLLBACK_AT, rollback.at().toString());
        });
        history.lastChange(target, "scale").ifPresent(scale ->
                facts.put(StepConditions.LAST_SCALED_AT, scale.at().toString()));
        return facts;
    }

    /** What the remediation did, for people: its changes' outcomes, or why it changed nothing. */
    private static String summary(Remediation remediation) {
        List<RemediationStep> run = remediation.steps().stream().filter(s -> s.phase() == StepPhase.RUN).toList();
        List<String> parts = new ArrayList<>(run.stream()
                .filter(s -> s.kind() != null && s.status() == StepStatus.SUCCEEDED)
                .map(RemediationStep::outcome).toList());
        if (parts.isEmpty()) {
            parts.add("nothing changed: " + run.stream().filter(s -> s.status() == StepStatus.SKIPPED)
                    .map(RemediationStep::outcome).findFirst().orElse("the playbook only gathers evidence"));
        } else {
            run.stream().filter(s -> s.kind() == null && s.runCondition() != null && s.status() == StepStatus.SUCCEEDED)
                    .reduce((first, second) -> second).ifPresent(last -> parts.add(last.outcome()));
        }
        List<String> missing = run.stream().filter(s -> s.status() == StepStatus.FAILED)
                .map(s -> "step " + s.position() + " (" + s.error() + ")").toList();
        if (!missing.isEmpty()) {
            parts.add("evidence not gathered: " + String.join(", ", missing));
        }
        return String.join("; ", parts);
    }
}
