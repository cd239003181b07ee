package dev.autopilot.support.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How every AWS client of a service is built. Credentials always come from the SDK's default chain
 * (environment, system properties, profile, container or instance role); there is no property for them.
 */
@ConfigMapping(prefix = "autopilot.aws")
public interface AwsConfig {

    /** The region of every client; by default the {@code AWS_REGION} environment variable, else us-east-1. */
    @WithDefault("${AWS_REGION:us-east-1}")
    String region();

    /**
     * One URL every client talks to instead of AWS (a local stub in tests, LocalStack, a VPC endpoint proxy).
     * When set, S3 clients use path-style addressing. Env: {@code AUTOPILOT_AWS_ENDPOINT_OVERRIDE}.
     */
    Optional<URI> endpointOverride();

    /** The longest a whole call may take, retries included. */
    @WithDefault("20s")
    Duration apiCallTimeout();

    /** The longest one attempt of a call may take. */
    @WithDefault("5s")
    Duration apiCallAttemptTimeout();

    /**
     * Whether credentials may come from the EC2 instance metadata service (the last link of the SDK's default
     * chain). Off unless asked for: on ECS the container's credentials come from the task role endpoint, and
     * elsewhere a lookup of the metadata address only costs time. Env: {@code AUTOPILOT_AWS_INSTANCE_METADATA}.
     */
    @WithDefault("false")
    boolean instanceMetadata();

    /** Attempts per call, the first included (the SDK's standard retry strategy: throttling, 5xx, timeouts). */
    @WithDefault("3")
    int maxAttempts();
}
