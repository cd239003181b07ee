package dev.autopilot.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which role a bearer token holds, knowing only the tokens' SHA-256 hashes. Compares in constant time and looks
 * at every known hash, so the answer's timing says nothing about near misses.
 */
public final class TokenRegistry {

    private record Entry(byte[] hash, String role) {
    }

    private final List<Entry> entries;

    /** @param hashesByRole the hex SHA-256 hashes accepted for each role */
    public TokenRegistry(Map<String, List<String>> hashesByRole) {
        this.entries = hashesByRole.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(h -> new Entry(parseHash(e.getKey(), h), e.getKey())))
                .toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The role of the token, or empty when no configured hash matches. */
    public Optional<String> roleOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        String role = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && role == null) {
                role = entry.role();
            }
        }
        return Optional.ofNullable(role);
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] parseHash(String role, String hex) {
        String clean = hex.trim().toLowerCase();
        if (!clean.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("autopilot.auth." + role
                    + ".token-sha256 must be 64 hex digits (the SHA-256 of a token), got " + clean.length() + " characters");
        }
        return HexFormat.of().parseHex(clean);
    }
}
