package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import dev.autopilot.remediation.approval.Approval;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Announces remediations on {@code remediations.v1}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class RemediationPublisher {

    private final Outbox outbox;

    @Inject
    public RemediationPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void planned(Remediation remediation) {
        outbox.append(new RemediationPlanned(id(remediation), remediation.incidentIdText(), remediation.playbook(),
                remediation.mode(),
                remediation.steps().stream()
                        .map(step -> new PlannedStep(step.position(), step.name(), step.service(), step.operation(),
                                step.parameters(), step.requiresApproval()))
                        .toList(),
                remediation.plannedAt()));
    }

    public void started(Remediation remediation) {
        outbox.append(new RemediationStarted(id(remediation), remediation.incidentIdText(), remediation.playbook(),
                remediation.mode(), remediation.startedAt()));
    }

    public void stepSucceeded(Remediation remediation, RemediationStep step) {
        outbox.append(new RemediationStepSucceeded(id(remediation), remediation.incidentIdText(), step.position(),
                step.name(), step.service(), step.operation(), step.mode(), step.outcome(), step.finishedAt()));
    }

    public void stepFailed(Remediation remediation, RemediationStep step) {
        outbox.append(new RemediationStepFailed(id(remediation), remediation.incidentIdText(), step.position(),
                step.name(), step.service(), step.operation(), step.error(), step.attempts(), step.finishedAt()));
    }

    public void awaitingApproval(Remediation remediation, RemediationStep step, Approval approval) {
        outbox.append(new RemediationAwaitingApproval(id(remediation), remediation.incidentIdText(),
                approval.id().toString(), step.position(), step.name(), approval.expiresAt(), approval.requestedAt()));
    }

    public void succeeded(Remediation remediation) {
        outbox.append(new RemediationSucceeded(id(remediation), remediation.incidentIdText(), remediation.summary(),
                remediation.finishedAt()));
    }

    public void failed(Remediation remediation, String reason) {
        outbox.append(new RemediationFailed(id(remediation), remediation.incidentIdText(), reason,
                remediation.finishedAt()));
    }

    public void escalated(Remediation remediation, String reason, Instant at) {
        outbox.append(new RemediationEscalated(id(remediation), remediation.incidentIdText(), remediation.target(),
                reason, at));
    }

    public void undone(Remediation remediation) {
        outbox.append(new RemediationUndone(id(remediation), remediation.incidentIdText(), remediation.undoneBy(),
                remediation.summary(), remediation.undoneAt()));
    }

    private static String id(Remediation remediation) {
        return remediation.id().toString();
    }
}
