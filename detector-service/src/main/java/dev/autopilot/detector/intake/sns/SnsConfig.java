package dev.autopilot.detector.intake.sns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The SNS HTTP(S) intake. */
@ConfigMapping(prefix = "detector.sns")
public interface SnsConfig {

    /**
     * Whether every message's signature is verified (the default). Turn off only to replay captured messages:
     * the service then warns at start-up and in {@code /q/health}. Env: {@code DETECTOR_SNS_VERIFY_SIGNATURES}.
     */
    @WithDefault("true")
    boolean verifySignatures();

    /**
     * The regions whose topics may deliver: a message's signing certificate must come from
     * {@code sns.<region>.amazonaws.com} of its topic's region, and the region must be one of these.
     */
    @WithDefault("us-east-1")
    List<String> regions();

    /**
     * Hosts besides {@code sns.<region>.amazonaws.com} of the regions above that a subscription may be confirmed
     * at (a test's local stand-in, a proxy). Empty by default.
     */
    Optional<List<String>> confirmHosts();

    /** How long confirming a subscription may take. */
    @WithDefault("10s")
    Duration confirmTimeout();
}
