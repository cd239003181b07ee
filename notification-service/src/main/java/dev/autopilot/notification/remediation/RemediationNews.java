package dev.autopilot.notification.remediation;

import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import java.util.Optional;

/**
 * What a remediation event says for people: one line of what remediation is doing (shown in every later page), and
 * whether the on-call must hear of it now (it failed, stopped, or waits for an approval).
 */
public final class RemediationNews {

    private RemediationNews() {
    }

    /** One line for the incident's pages: what remediation is doing now; empty for events that say nothing new. */
    public static Optional<String> statusOf(RemediationEvent event) {
        if (event instanceof RemediationPlanned planned) {
            return Optional.of("Playbook " + planned.playbook() + " planned (" + planned.mode() + ", "
                    + planned.steps().size() + " step(s)).");
        }
        if (event instanceof RemediationStarted started) {
            return Optional.of("Playbook " + started.playbook() + " running (" + started.mode() + ").");
        }
        if (event instanceof RemediationStepSucceeded step) {
            return Optional.of("Step " + step.order() + " (" + step.name() + ") succeeded: " + step.outcome());
        }
        if (event instanceof RemediationStepFailed step) {
            return Optional.of("Step " + step.order() + " (" + step.name() + ") failed after " + step.attempts()
                    + " attempt(s): " + step.reason());
        }
        if (event instanceof RemediationAwaitingApproval waiting) {
            return Optional.of("Step " + waiting.order() + " (" + waiting.name() + ") waits for approval until "
                    + waiting.expiresAt() + ".");
        }
        if (event instanceof RemediationSucceeded succeeded) {
            return Optional.of("Remediation succeeded: " + succeeded.summary());
        }
        if (event instanceof RemediationFailed failed) {
            return Optional.of("Remediation failed: " + failed.reason());
        }
        if (event instanceof RemediationEscalated escalated) {
            return Optional.of("Automation stopped for " + escalated.target() + ": " + escalated.reason());
        }
        if (event instanceof RemediationUndone undone) {
            return Optional.of("Remediation undone by " + undone.undoneBy() + ": " + undone.summary());
        }
        return Optional.empty();
    }

    /** Whether the on-call must be told now: remediation failed, gave up to people, or waits for an approval. */
    public static boolean needsPeople(RemediationEvent event) {
        return event instanceof RemediationFailed || event instanceof RemediationEscalated
                || event instanceof RemediationAwaitingApproval;
    }
}
