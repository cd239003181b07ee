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
 * @param replacedEarlier  the state an earlier attempt of this step read before it sent its change, if one did:
 *                         that change may have been applied even though its answer was lost (a timeout), so this,
 *                         not a new read, is the state the change replaces and an undo restores; null otherwise
 */
public record ActionCall(String operation, Parameters parameters, ExecutionMode mode, boolean sendReads,
        String idempotencyToken, Map<String, Object> facts, Instant now, Map<String, Object> replacedEarlier) {

    /** Whether a changing request is sent. */
    public boolean live() {
        return mode == ExecutionMode.LIVE;
    }
}
