package dev.autopilot.remediation.mode;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.support.aws.AwsClients;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The modes in force: the service's (decided once at start-up, when the credential chain is asked whether it finds
 * credentials), each playbook's and each action's. Says at start-up when the service runs dry-run and why.
 */
@ApplicationScoped
public class ModeSettings {

    private static final Logger LOG = Logger.getLogger(ModeSettings.class);

    private final RemediationConfig config;
    private final boolean credentials;
    private final ExecutionModes.Effective global;

    @Inject
    public ModeSettings(RemediationConfig config, AwsClients aws) {
        this.config = config;
        this.credentials = config.mode() == ExecutionMode.LIVE || config.engine().dryRunReads()
                ? aws.credentialsAvailable() : false;
        this.global = ExecutionModes.global(config.mode(), credentials);
    }

    void report(@Observes StartupEvent event) {
        if (config.mode() == ExecutionMode.UNKNOWN) {
            throw new IllegalStateException("remediation.mode must be live or dry-run");
        }
        if (global.mode() == ExecutionMode.LIVE) {
            LOG.infof("remediation runs LIVE: %s", global.reason());
        } else {
            LOG.warnf("remediation runs DRY-RUN: nothing that changes anything is sent (%s)", global.reason());
        }
    }

    /** The service's mode and why. */
    public ExecutionModes.Effective global() {
        return global;
    }

    public boolean credentialsAvailable() {
        return credentials;
    }

    /** A remediation's mode: the service's, made cautious by its playbook's override and the mode asked for it. */
    public ExecutionMode forRemediation(String playbook, Optional<ExecutionMode> asked) {
        return ExecutionModes.remediation(global.mode(), Optional.ofNullable(config.modes().playbooks().get(playbook)),
                asked);
    }

    /** A step's mode: its remediation's, made cautious by its action's override ({@code service.Operation}). */
    public ExecutionMode forStep(ExecutionMode remediation, String service, String operation) {
        return ExecutionModes.step(remediation,
                Optional.ofNullable(config.modes().actions().get(service + "." + operation)));
    }

    /** Whether a step in this mode sends the requests that only read. */
    public boolean sendsReads(ExecutionMode stepMode) {
        return stepMode == ExecutionMode.LIVE || config.engine().dryRunReads() && credentials;
    }
}
