package dev.autopilot.detector.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Limits and sender authentication of the intake endpoints. */
@ConfigMapping(prefix = "detector.intake")
public interface IntakeConfig {

    /** The largest body an intake endpoint takes; beyond it the answer is 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** The most signals, events or alerts one request may carry; more is refused with 400. */
    @WithDefault("1000")
    int maxBatch();

    /** Signals per second each source may post (a token bucket; beyond it the answer is 429 with Retry-After). */
    RateLimit rateLimit();

    /** Senders of generic signals that must sign their posts (HMAC-SHA256), by their {@code source} name. */
    Map<String, Sender> senders();

    /** How far a signed post's timestamp may be from now: older or newer posts are refused as replays. */
    @WithDefault("5m")
    Duration replayWindow();

    interface RateLimit {

        /**
         * Signals per second per source: {@code sns}, {@code eventbridge}, {@code prometheus}, {@code alertmanager},
         * and each generic sender ({@code generic-<source>}).
         */
        @WithDefault("5000")
        int perSecond();

        /** How many signals a source may post at once above its rate. */
        @WithDefault("50000")
        int burst();

        /** Other limits for some sources, by source name. */
        Map<String, Limit> sources();
    }

    interface Limit {
        int perSecond();

        int burst();
    }

    interface Sender {

        /** The shared secret its posts are signed with; from the environment, e.g. {@code DETECTOR_INTAKE_SENDERS__MY_SENDER__HMAC_SECRET}. */
        Optional<String> hmacSecret();
    }
}
