package dev.autopilot.detector.intake.sns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Says whether SNS signatures are verified; when they are not, a warning stands in the health report. */
@Readiness
@ApplicationScoped
public class SnsIntakeHealthCheck implements HealthCheck {

    private final SnsVerifier verifier;
    private final SnsConfig config;

    @Inject
    public SnsIntakeHealthCheck(SnsVerifier verifier, SnsConfig config) {
        this.verifier = verifier;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("sns intake").up()
                .withData("verifySignatures", verifier.enabled())
                .withData("regions", String.join(",", config.regions()));
        if (!verifier.enabled()) {
            response.withData("warning", "SNS signature verification is off (detector.sns.verify-signatures=false)");
        }
        return response.build();
    }
}
