package dev.autopilot.remediation.run;

import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Announces remediations on {@code remediations.v1}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class RemediationPublisher {

    private final Outbox outbox;

    @Inject
    public RemediationPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void planned(Remediation remediation) {
        outbox.append(new RemediationPlanned(remediation.id().toString(), remediation.incidentId().toString(),
                remediation.playbook(), remediation.mode(),
                remediation.steps().stream()
                        .map(step -> new PlannedStep(step.position(), step.name(), step.service(), step.operation(),
                                step.parameters(), step.requiresApproval()))
                        .toList(),
                remediation.plannedAt()));
    }
}
