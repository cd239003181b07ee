package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.time.Instant;
import java.util.Map;

/**
 * One step of a remediation as the API shows it (its id is the idempotency token of its requests): the call and its
 * planned parameters, and once run, its attempts,
 * the request it sent (secrets redacted; in a dry run, the request it would send), what it read, its outcome, and
 * the state it replaced.
 */
public record StepView(
        String id,
        int order,
        String name,
        String service,
        String operation,
        Map<String, Object> parameters,
        boolean requiresApproval,
        String kind,
        String condition,
        StepPhase phase,
        Integer undoes,
        StepStatus status,
        ExecutionMode mode,
        int attempts,
        Instant dueAt,
        Instant deadline,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> request,
        Boolean sent,
        String outcome,
        String error,
        Map<String, Object> evidence,
        Map<String, Object> replaced) {

    public static StepView from(RemediationStep step) {
        return new StepView(step.id().toString(), step.position(), step.name(), step.service(), step.operation(), step.parameters(),
                step.requiresApproval(), step.kind(), step.runCondition(), step.phase(), step.undoesPosition(),
                step.status(), step.mode(), step.attempts(), step.dueAt(), step.deadline(), step.startedAt(),
                step.finishedAt(), step.request(), step.sent(), step.outcome(), step.error(), step.evidence(),
                step.beforeState());
    }
}
