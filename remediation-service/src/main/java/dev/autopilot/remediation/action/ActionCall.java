package dev.autopilot.remediation.action;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.time.Instant;
import java.util.Map;

/**
 * What an action is asked to do.
 *
 * @param operation        the operation
 * @param parameters       its parameters, placeholders resolved
 * @param mode             live sends a changing request; dry-run only records it
 * @param sendReads        whether reads are sent (in a dry run: only with credentials, and when configured)
 * @param idempotencyToken the same for every attempt of the step, so an API that takes one does it once
 * @param facts            what earlier steps found out
 * @param now              the time of the attempt
 */
public record ActionCall(String operation, Parameters parameters, ExecutionMode mode, boolean sendReads,
        String idempotencyToken, Map<String, Object> facts, Instant now) {

    /** Whether a changing request is sent. */
    public boolean live() {
        return mode == ExecutionMode.LIVE;
    }
}
