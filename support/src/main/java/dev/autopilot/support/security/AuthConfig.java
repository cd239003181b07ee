package dev.autopilot.support.security;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The accepted bearer tokens, per role. Files hold only SHA-256 hashes of tokens ({@code sha256sum} of the
 * token, hex); a plain token may come only from an environment variable, e.g. {@code AUTOPILOT_AUTH_ADMIN_TOKEN}.
 */
@ConfigMapping(prefix = "autopilot.auth")
public interface AuthConfig {

    RoleTokens admin();

    RoleTokens responder();

    RoleTokens viewer();

    RoleTokens intake();

    interface RoleTokens {

        /** SHA-256 hashes (hex) of the tokens accepted for this role; several, so a token can be rotated. */
        Optional<List<String>> tokenSha256();

        /** A plain token for this role; accepted only from an environment variable. */
        Optional<String> token();
    }
}
