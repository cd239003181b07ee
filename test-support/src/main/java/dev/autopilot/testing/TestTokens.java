package dev.autopilot.testing;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** One bearer token per role for tests; the services under test are given only their SHA-256 hashes. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token";
    public static final String RESPONDER = "test-responder-token";
    public static final String VIEWER = "test-viewer-token";
    public static final String INTAKE = "test-intake-token";

    private TestTokens() {
    }

    /** A request that carries the token of a role. */
    public static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + tokenOf(role));
    }

    public static String tokenOf(String role) {
        return switch (role) {
            case "admin" -> ADMIN;
            case "responder" -> RESPONDER;
            case "viewer" -> VIEWER;
            case "intake" -> INTAKE;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** The configuration that makes a service accept the test tokens. */
    public static Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String role : new String[] {"admin", "responder", "viewer", "intake"}) {
            config.put("autopilot.auth." + role + ".token-sha256", sha256(tokenOf(role)));
        }
        return config;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
