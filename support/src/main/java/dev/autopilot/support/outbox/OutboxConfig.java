package dev.autopilot.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay runs. */
@ConfigMapping(prefix = "autopilot.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for events when nothing woke it. The relay is woken by every commit that writes
     * to the outbox, so this only matters after a crash or for events written by another replica.
     */
    @WithDefault("5s")
    Duration fallbackInterval();

    /** How many events the relay sends per round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("30s")
    Duration sendTimeout();
}
