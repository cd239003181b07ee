package dev.autopilot.contracts.remediation;

import java.time.Instant;

/**
 * Automation stopped and asks people to take over: a circuit breaker tripped, a rate limit was reached, or an
 * approval timed out.
 *
 * @param remediationId the remediation
 * @param incidentId    the incident it answers, if any
 * @param target        what the automation stopped for (e.g. {@code ecs:t-developer-cluster-production/t-developer-service-production})
 * @param reason        why, for people
 * @param escalatedAt   when
 */
public record RemediationEscalated(
        String remediationId,
        String incidentId,
        String target,
        String reason,
        Instant escalatedAt) implements RemediationEvent {

    @Override
    public Instant occurredAt() {
        return escalatedAt;
    }
}
