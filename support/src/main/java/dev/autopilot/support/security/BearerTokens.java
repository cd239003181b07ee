package dev.autopilot.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/** The service's token registry, built once from {@link AuthConfig}. */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);

    private final TokenRegistry registry;

    @Inject
    public BearerTokens(AuthConfig auth, Config config) {
        Map<String, List<String>> hashes = new LinkedHashMap<>();
        collect(hashes, Roles.ADMIN, auth.admin(), config);
        collect(hashes, Roles.RESPONDER, auth.responder(), config);
        collect(hashes, Roles.VIEWER, auth.viewer(), config);
        collect(hashes, Roles.INTAKE, auth.intake(), config);
        this.registry = new TokenRegistry(hashes);
        if (registry.isEmpty()) {
            LOG.warn("No bearer token is configured (autopilot.auth.<role>.token-sha256): every protected request "
                    + "will be answered 401");
        }
    }

    public Optional<String> roleOf(String token) {
        return registry.roleOf(token);
    }

    private static void collect(Map<String, List<String>> hashes, String role, AuthConfig.RoleTokens tokens,
            Config config) {
        List<String> list = new ArrayList<>(tokens.tokenSha256().orElse(List.of()));
        tokens.token().ifPresent(plain -> {
            String property = "autopilot.auth." + role + ".token";
            ConfigValue value = config.getConfigValue(property);
            String source = value.getSourceName() == null ? "" : value.getSourceName();
            if (!source.contains("EnvConfigSource")) {
                throw new IllegalStateException(property + " holds a plain token in " + source
                        + "; plain tokens are accepted only from the environment (AUTOPILOT_AUTH_"
                        + role.toUpperCase() + "_TOKEN). Put its SHA-256 in " + property + "-sha256 instead.");
            }
            list.add(TokenRegistry.sha256Hex(plain));
        });
        hashes.put(role, list);
    }
}
