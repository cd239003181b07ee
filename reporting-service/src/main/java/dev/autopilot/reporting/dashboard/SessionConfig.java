package dev.autopilot.reporting.dashboard;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The dashboard's sign-in session: a signed, expiring, HttpOnly cookie ({@code reporting.session.*}). */
public interface SessionConfig {

    /**
     * The secret session cookies are signed with (at least 16 characters), from the environment only
     * ({@code REPORTING_SESSION_SECRET}); the same in every replica. Without it, each start picks a random one:
     * sessions then end with a restart and hold on one replica only.
     */
    Optional<String> secret();

    /** How long a session lasts after signing in. */
    @WithDefault("12h")
    Duration ttl();

    /** Whether the cookie is sent over HTTPS only; set it wherever the dashboard is served over TLS. */
    @WithDefault("false")
    boolean secureCookie();
}
