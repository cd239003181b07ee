package dev.autopilot.remediation.run;

import dev.autopilot.remediation.mode.ModeSettings;
import dev.autopilot.remediation.playbook.RemediationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the engine works; says in which mode the service runs and why (dry-run without AWS credentials), and
 * the engine's last failure.
 */
@Readiness
@ApplicationScoped
public class RemediationHealthCheck implements HealthCheck {

    private final ModeSettings modes;
    private final RemediationConfig config;
    private final RemediationEngine engine;

    @Inject
    public RemediationHealthCheck(ModeSettings modes, RemediationConfig config, RemediationEngine engine) {
        this.modes = modes;
        this.config = config;
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("remediation")
                .withData("mode", modes.global().mode().name())
                .withData("configuredMode", config.mode().name())
                .withData("modeReason", modes.global().reason())
                .withData("awsCredentials", modes.credentialsAvailable());
        return engine.lastFailure()
                .map(failure -> response.down().withData("engineLastFailure", String.valueOf(failure.getMessage())))
                .orElse(response.up()).build();
    }
}
