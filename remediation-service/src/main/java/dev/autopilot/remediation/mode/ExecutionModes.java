package dev.autopilot.remediation.mode;

import dev.autopilot.contracts.remediation.ExecutionMode;
import java.util.Optional;

/**
 * Which mode a remediation and each of its steps run in. Live must be asked for everywhere it applies and be
 * possible: the most cautious setting wins. The global mode, a playbook's override, an action's override and the
 * mode a person asks for a manual run each can only turn live into dry-run; without AWS credentials nothing can be
 * sent, so everything is dry-run.
 */
public final class ExecutionModes {

    private ExecutionModes() {
    }

    /**
     * The service's mode, and why.
     *
     * @param mode   what it runs in
     * @param reason for people (start-up log, health details)
     */
    public record Effective(ExecutionMode mode, String reason) {
    }

    /** The service's mode: the configured one, unless there are no credentials to send anything with. */
    public static Effective global(ExecutionMode configured, boolean credentialsAvailable) {
        if (configured != ExecutionMode.LIVE) {
            return new Effective(ExecutionMode.DRY_RUN, "remediation.mode is " + configured.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (!credentialsAvailable) {
            return new Effective(ExecutionMode.DRY_RUN,
                    "remediation.mode is live but the AWS SDK's default chain finds no credentials");
        }
        return new Effective(ExecutionMode.LIVE, "remediation.mode is live and AWS credentials were found");
    }

    /** A remediation's mode: the service's, made cautious by its playbook's override and the mode asked for it. */
    public static ExecutionMode remediation(ExecutionMode global, Optional<ExecutionMode> playbook,
            Optional<ExecutionMode> asked) {
        return cautious(cautious(global, playbook), asked);
    }

    /** A step's mode: its remediation's, made cautious by its action's override. */
    public static ExecutionMode step(ExecutionMode remediation, Optional<ExecutionMode> action) {
        return cautious(remediation, action);
    }

    private static ExecutionMode cautious(ExecutionMode mode, Optional<ExecutionMode> override) {
        if (mode != ExecutionMode.LIVE) {
            return ExecutionMode.DRY_RUN;
        }
        return override.filter(o -> o != ExecutionMode.LIVE).map(o -> ExecutionMode.DRY_RUN).orElse(ExecutionMode.LIVE);
    }
}
