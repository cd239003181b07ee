package dev.autopilot.reporting.dashboard;

import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.support.links.SignedLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Dashboard sessions: a cookie holding a signed, expiring claim that its bearer signed in with a token that may
 * read. A session grants {@code viewer} only, whatever token opened it, so a cookie can never act (no CSRF on
 * the API's writes).
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "autopilot_session";
    private static final String CLAIM = "dashboard-session";
    private static final Logger LOG = Logger.getLogger(Sessions.class);

    private final SignedLinks signer;
    private final SessionConfig config;
    private final Clock clock;

    @Inject
    public Sessions(ReportingConfig config, Clock clock) {
        this.config = config.session();
        this.clock = clock;
        String secret = this.config.secret().orElseGet(() -> {
            LOG.warn("reporting.session.secret is not set: dashboard sessions are signed with a random secret, so "
                    + "they end with a restart and hold on this replica only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        });
        this.signer = new SignedLinks(secret);
    }

    /** A new session's cookie value. */
    public String open() {
        return signer.sign(List.of(CLAIM), expiresAt());
    }

    /** Whether the cookie value is a session that holds now. */
    public boolean holds(String cookie) {
        return signer.verify(cookie, clock.instant()).filter(c -> c.fields().equals(List.of(CLAIM))).isPresent();
    }

    /** The {@code Set-Cookie} header that opens a session. */
    public String setCookie(String value) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + config.ttl().toSeconds() + "; HttpOnly; SameSite=Strict"
                + (config.secureCookie() ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} header that ends it. */
    public String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (config.secureCookie() ? "; Secure" : "");
    }

    private Instant expiresAt() {
        return clock.instant().plus(config.ttl());
    }
}
