package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.Actions;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.Parameters;
import dev.autopilot.remediation.approval.ApprovalGate;
import dev.autopilot.remediation.mode.ModeSettings;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.remediation.playbook.StepConditions;
import dev.autopilot.remediation.safety.RateLimitGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs one due step of a remediation, in the engine's transaction: starts the remediation if it has not started
 * (circuit breaker, target lock), decides the step's condition, holds it for approval, checks the rate limit of its
 * kind, then makes one attempt through the action for its service and records what came of it: done (the next step
 * becomes due), still waiting (checked again after the poll interval, until its deadline), failed in a way that may
 * pass (tried again after a backoff, a bounded number of times), or failed for good (the remediation fails, undoing
 * its changes first where the step says so).
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    private final Actions actions;
    private final RemediationLifecycle lifecycle;
    private final RemediationPublisher publisher;
    private final ApprovalGate approvals;
    private final RateLimitGuard rateLimits;
    private final StepConditions conditions;
    private final ModeSettings modes;
    private final RetrySchedule retries;
    private final RemediationConfig config;

    @Inject
    public StepRunner(Actions actions, RemediationLifecycle lifecycle, RemediationPublisher publisher,
            ApprovalGate approvals, RateLimitGuard rateLimits, StepConditions conditions, ModeSettings modes,
            RemediationConfig config) {
        this.actions = actions;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.approvals = approvals;
        this.rateLimits = rateLimits;
        this.conditions = conditions;
        this.modes = modes;
        this.config = config;
        this.retries = new RetrySchedule(config.engine().maxAttempts(), config.engine().retryInitial(),
                config.engine().retryMax());
    }

    public void run(RemediationStep step, Instant now) {
        Remediation remediation = step.remediation();
        if (remediation.status().isFinished()) {
            step.dueAt(null);
            return;
        }
        if (!running(remediation, step, now)) {
            return;
        }
        if (step.phase() == StepPhase.RUN && step.attempts() == 0) {
            if (step.runCondition() != null && step.status() == StepStatus.PLANNED) {
                StepConditions.Verdict verdict = condition(remediation, step, now);
                if (!verdict.holds()) {
                    step.skip(verdict.reason(), now);
                    lifecycle.record(remediation, step, "skipped step " + step.position() + " " + step.name(),
                            verdict.reason(), now);
                    advance(remediation, now);
                    return;
                }
            }
            if (step.requiresApproval() && !approvals.approved(remediation, step, now)) {
                return;
            }
            if (rateLimited(remediation, step, now)) {
                return;
            }
        }
        attempt(remediation, step, now);
    }

    /** Whether the remediation runs (or undoes) now; starts it when this is its first step. */
    private boolean running(Remediation remediation, RemediationStep step, Instant now) {
        Duration recheck = config.engine().lockRecheck();
        return switch (remediation.status()) {
            case PLANNED, QUEUED -> lifecycle.start(remediation, step, now, recheck);
            case UNDOING -> {
                if (lifecycle.holdsTarget(remediation, now)) {
                    yield true;
                }
                step.dueAt(now.plus(recheck));
                yield false;
            }
            default -> true;
        };
    }

    /** The step's condition, decided once per remediation (what it depends on was read once). */
    @SuppressWarnings("unchecked")
    private StepConditions.Verdict condition(Remediation remediation, RemediationStep step, Instant now) {
        String condition = step.runCondition();
        String memo = "condition." + condition;
        if (!StepConditions.AFTER_CHANGE.equals(condition) && remediation.facts().get(memo) instanceof Map<?, ?> m) {
            Map<String, Object> decided = (Map<String, Object>) m;
            return new StepConditions.Verdict(Boolean.TRUE.equals(decided.get("holds")),
                    String.valueOf(decided.get("reason")));
        }
        StepConditions.Verdict verdict = conditions.evaluate(condition,
                new StepConditions.Context(remediation.facts(), remediation.changedBefore(step), now));
        if (!StepConditions.AFTER_CHANGE.equals(condition)) {
            remediation.learn(Map.of(memo, Map.of("holds", verdict.holds(), "reason", verdict.reason())));
        }
        return verdict;
    }

    /** Whether the step's kind of change has run on the target as often as its window allows; escalates if so. */
    private boolean rateLimited(Remediation remediation, RemediationStep step, Instant now) {
        if (stepMode(remediation, step) != ExecutionMode.LIVE) {
            return false;
        }
        Optional<String> refusal = rateLimits.refusal(remediation.target(), step.kind(), now);
        refusal.ifPresent(reason -> lifecycle.escalate(remediation, reason, now));
        return refusal.isPresent();
    }

    private void attempt(Remediation remediation, RemediationStep step, Instant now) {
        ExecutionMode mode = stepMode(remediation, step);
        ActionResult result = call(remediation, step, mode, now);
        step.attempted(result, mode, now);
        lifecycle.record(remediation, step, "step " + step.position() + " " + step.service() + " "
                + step.operation() + " attempt " + step.attempts() + (result.sent() ? "" : " (not sent)"),
                result.status() + ": " + result.outcome(), now);
        switch (result.status()) {
            case DONE -> {
                step.succeed(result, now);
                remediation.learn(result.facts());
                publisher.stepSucceeded(remediation, step);
                LOG.infof("incident %s: remediation %s step %d %s %s: %s", remediation.incidentId(), remediation.id(),
                        step.position(), step.service(), step.operation(), step.outcome());
                advance(remediation, now);
            }
            case PENDING -> {
                if (step.pastDeadline(now)) {
                    fail(remediation, step, "not done within " + minutes(step.timeout()) + ": " + result.outcome(),
                            now);
                } else {
                    Instant next = now.plus(config.engine().pollInterval());
                    step.waitUntil(step.deadline() != null && next.isAfter(step.deadline()) ? step.deadline() : next);
                }
            }
            default -> {
                if (result.retryable() && retries.allowsAnother(step.attempts())) {
                    Duration backoff = retries.backoffAfter(step.attempts());
                    step.retryAt(now.plus(backoff), result.outcome());
                    LOG.warnf("incident %s: remediation %s step %d %s %s failed (attempt %d of %d), again in %d ms: %s",
                            remediation.incidentId(), remediation.id(), step.position(), step.service(),
                            step.operation(), step.attempts(), retries.maxAttempts(), backoff.toMillis(),
                            result.outcome());
                } else {
                    fail(remediation, step, result.outcome()
                            + (step.attempts() > 1 ? " (gave up after " + step.attempts() + " attempts)" : ""), now);
                }
            }
        }
    }

    private ActionResult call(Remediation remediation, RemediationStep step, ExecutionMode mode, Instant now) {
        Optional<Action> action = actions.forService(step.service());
        if (action.isEmpty()) {
            return ActionResult.failed("no action talks to " + step.service(), false);
        }
        Placeholders.Resolution resolved = Placeholders.resolve(step.parameters(), remediation.facts(), now);
        boolean sendReads = modes.sendsReads(mode);
        if (!resolved.complete()) {
            if (mode == ExecutionMode.LIVE || sendReads) {
                return ActionResult.failed("values not known when the step ran: " + resolved.unresolved(), false)
                        .withRequest(resolved.parameters(), false);
            }
            return ActionResult.done("dry run, not sent: " + resolved.unresolved() + " known only when run")
                    .withRequest(resolved.parameters(), false);
        }
        ActionCall call = new ActionCall(step.operation(), new Parameters(resolved.parameters()), mode, sendReads,
                step.id().toString(), remediation.facts(), now, step.beforeState());
        try {
            return action.get().run(call);
        } catch (Parameters.InvalidParameterException e) {
            return ActionResult.failed(e.getMessage(), false).withRequest(resolved.parameters(), false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "incident %s: remediation %s step %d: the %s action failed unexpectedly",
                    remediation.incidentId(), remediation.id(), step.position(), step.service());
            return ActionResult.failed("the " + step.service() + " action failed unexpectedly: "
                    + e.getClass().getSimpleName(), false);
        }
    }

    private void fail(Remediation remediation, RemediationStep step, String reason, Instant now) {
        step.fail(reason, now);
        publisher.stepFailed(remediation, step);
        LOG.warnf("incident %s: remediation %s step %d %s %s failed: %s", remediation.incidentId(), remediation.id(),
                step.position(), step.service(), step.operation(), reason);
        Effect effect = actions.effectOf(step.service(), step.operation()).orElse(Effect.CHANGE);
        if (step.phase() == StepPhase.RUN && (effect == Effect.READ
                || effect == Effect.WAIT && step.mode() == ExecutionMode.DRY_RUN)) {
            // evidence is gathered as well as it can be (and a dry run only looks): the playbook goes on without
            // it, and a later step that needs what it would have read fails or is skipped then
            advance(remediation, now);
            return;
        }
        String failure = "step " + step.position() + " (" + step.name() + ") failed: " + reason;
        if (step.phase() == StepPhase.RUN && step.undoOnFailure() && !remediation.undoable().isEmpty()) {
            lifecycle.beginUndo(remediation, Remediation.SELF, failure, now);
            return;
        }
        lifecycle.fail(remediation, step.phase() == StepPhase.UNDO ? "the undo " + failure : failure, now);
    }

    /** The next step becomes due, or the remediation (or its undo) is done. */
    private void advance(Remediation remediation, Instant now) {
        Optional<RemediationStep> next = remediation.currentStep();
        if (next.isPresent()) {
            next.get().dueAt(now);
        } else if (remediation.status() == RemediationStatus.UNDOING) {
            lifecycle.finishUndo(remediation, now);
        } else {
            lifecycle.succeed(remediation, now);
        }
    }

    private ExecutionMode stepMode(Remediation remediation, RemediationStep step) {
        return modes.forStep(remediation.mode(), step.service(), step.operation());
    }

    private static String minutes(Duration duration) {
        if (duration == null) {
            return "its deadline";
        }
        long minutes = duration.toMinutes();
        return minutes >= 1 && duration.toSeconds() % 60 == 0 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : duration.toSeconds() + " seconds";
    }
}
