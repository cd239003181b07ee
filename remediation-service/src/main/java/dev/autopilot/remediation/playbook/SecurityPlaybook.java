package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/**
 * Suspicious activity (a GuardDuty finding, a CloudTrail event): the runbook's response at once, rotate the
 * API-key secret and invalidate every session. Undo moves the secret's current version back.
 *
 * @param target the managed service, with its secret and admin endpoint
 */
public record SecurityPlaybook(ManagedService target) implements Playbook {

    @Override
    public String name() {
        return "security";
    }

    @Override
    public String target(Occasion occasion) {
        return "secretsmanager:" + target.apiKeySecret();
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        return List.of(
                PlaybookStep.call("Rotate the API-key secret", "secretsmanager", "RotateSecret",
                        "SecretId", target.apiKeySecret(),
                        "RotateImmediately", true)
                        .changing("rotate-secret"),
                PlaybookStep.call("Invalidate every session", "http", "POST",
                        "url", target.invalidateSessionsUrl())
                        .changing("invalidate-sessions"));
    }
}
