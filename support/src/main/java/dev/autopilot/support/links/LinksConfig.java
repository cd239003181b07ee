package dev.autopilot.support.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Links a page carries (acknowledge, timeline), shared by the service that signs them (notification) and the one
 * that honours them (detector).
 */
@ConfigMapping(prefix = "autopilot.links")
public interface LinksConfig {

    /**
     * The secret acknowledge links are signed with; the same in every service. From the environment only
     * ({@code AUTOPILOT_LINKS_SECRET}); without it, pages carry no acknowledge link and the detector honours none.
     */
    Optional<String> secret();

    /** How long an acknowledge link stays valid. */
    @WithDefault("24h")
    Duration ttl();

    /** The detector's public base URL, where acknowledge links point. */
    @WithDefault("http://127.0.0.1:8081")
    URI detectorUrl();

    /** The reporting service's public base URL, where timeline links point. */
    @WithDefault("http://127.0.0.1:8083")
    URI reportingUrl();
}
