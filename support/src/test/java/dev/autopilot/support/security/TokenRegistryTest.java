package dev.autopilot.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    private final TokenRegistry registry = new TokenRegistry(Map.of(
            Roles.ADMIN, List.of(TokenRegistry.sha256Hex("admin-secret")),
            Roles.RESPONDER, List.of(TokenRegistry.sha256Hex("responder-old"), TokenRegistry.sha256Hex("responder-new")),
            Roles.VIEWER, List.of(),
            Roles.INTAKE, List.of(TokenRegistry.sha256Hex("intake-secret").toUpperCase())));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "admin-secret,    admin",
            "responder-old,   responder",
            "responder-new,   responder",
            "intake-secret,   intake",
            "'admin-secret ', none",
            "Admin-secret,    none",
            "viewer-secret,   none",
            "'',              none",
    })
    void findsTheRoleOfAToken(String token, String role) {
        assertThat(registry.roleOf(token)).isEqualTo(Optional.ofNullable(role));
    }

    @Test
    void noTokenHasNoRole() {
        assertThat(registry.roleOf(null)).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAHash() {
        assertThatThrownBy(() -> new TokenRegistry(Map.of(Roles.ADMIN, List.of("admin-secret"))))
                .hasMessageContaining("autopilot.auth.admin.token-sha256 must be 64 hex digits");
    }

    @Test
    void knowsTheSha256OfAToken() {
        // echo -n test | sha256sum
        assertThat(TokenRegistry.sha256Hex("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @ParameterizedTest(name = "{0} grants {1}")
    @CsvSource({
            "admin,     admin;responder;viewer;intake",
            "responder, responder;viewer",
            "viewer,    viewer",
            "intake,    intake",
    })
    void strongerRolesIncludeWhatTheyNeed(String role, String granted) {
        assertThat(Roles.grantedTo(role)).containsExactlyInAnyOrder(granted.split(";"));
    }
}
