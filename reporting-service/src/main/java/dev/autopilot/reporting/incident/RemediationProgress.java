package dev.autopilot.reporting.incident;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What an incident's remediation has come to, and how remediation events combine when they arrive in any order:
 * within one remediation the status only moves forward and the plan's details fill in; of two remediations, the
 * one whose latest event is later is the incident's (the remediation id breaks a tie).
 *
 * @param remediationId the remediation
 * @param status        how far it has come
 * @param playbook      the plan's playbook, once the plan is known
 * @param mode          live or dry-run, once the plan is known
 * @param steps         how many steps the plan has, once it is known
 * @param at            the time of the remediation's latest event
 */
public record RemediationProgress(String remediationId, RemediationStatus status, String playbook,
        ExecutionMode mode, Integer steps, Instant at) {

    private static final Comparator<RemediationProgress> RECENCY = Comparator
            .comparing(RemediationProgress::at, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RemediationProgress::remediationId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** What one event says about its remediation, at the event's time. */
    public static RemediationProgress of(RemediationEvent event, Instant at) {
        if (event instanceof RemediationPlanned planned) {
            return new RemediationProgress(planned.remediationId(), RemediationStatus.PLANNED, planned.playbook(),
                    planned.mode(), planned.steps().size(), at);
        }
        if (event instanceof RemediationStarted started) {
            return new RemediationProgress(started.remediationId(), RemediationStatus.RUNNING, started.playbook(),
                    started.mode(), null, at);
        }
        if (event instanceof RemediationStepSucceeded step) {
            return new RemediationProgress(step.remediationId(), RemediationStatus.RUNNING, null, step.mode(), null, at);
        }
        return new RemediationProgress(event.remediationId(), statusAfter(event), null, null, null, at);
    }

    private static RemediationStatus statusAfter(RemediationEvent event) {
        if (event instanceof RemediationSucceeded) {
            return RemediationStatus.SUCCEEDED;
        }
        if (event instanceof RemediationFailed) {
            return RemediationStatus.FAILED;
        }
        if (event instanceof RemediationEscalated) {
            return RemediationStatus.ESCALATED;
        }
        if (event instanceof RemediationUndone) {
            return RemediationStatus.UNDONE;
        }
        // a step that failed (and may be retried or escalated), an approval requested: still running
        return RemediationStatus.RUNNING;
    }

    /** What is known after also hearing {@code news}: the same whichever of the two came first. */
    public RemediationProgress merge(RemediationProgress news) {
        if (news == null) {
            return this;
        }
        boolean newer = RECENCY.compare(news, this) > 0;
        if (!Objects.equals(remediationId, news.remediationId)) {
            return newer ? news : this;
        }
        return new RemediationProgress(remediationId, status.furthest(news.status), first(playbook, news.playbook),
                first(mode, news.mode), first(steps, news.steps), newer ? news.at : at);
    }

    private static <T> T first(T known, T heard) {
        return known != null ? known : heard;
    }
}
