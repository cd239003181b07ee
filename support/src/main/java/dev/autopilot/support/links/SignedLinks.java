package dev.autopilot.support.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links that act without a login (a page's "acknowledge" link): what the link may do, signed with
 * HMAC-SHA256 under a secret the signing and the verifying service share, and valid until it expires.
 *
 * <p>A token is {@code base64url(claims) "." base64url(hmac)}, the claims being the fields joined by a newline
 * with the expiry (epoch seconds) last. A field must not contain a newline.
 */
public final class SignedLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] secret;

    public SignedLinks(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a link secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** What a valid token says: its fields, and until when it was valid. */
    public record Claims(List<String> fields, Instant expiresAt) {
    }

    /** Signs the fields, valid until {@code expiresAt}. */
    public String sign(List<String> fields, Instant expiresAt) {
        for (String field : fields) {
            if (field == null || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a signed field must be present and on one line");
            }
        }
        String claims = String.join("\n", fields) + "\n" + expiresAt.getEpochSecond();
        byte[] claimBytes = claims.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(claimBytes) + "." + ENCODE.encodeToString(mac(claimBytes));
    }

    /** The token's claims if its signature holds and it has not expired at {@code now}; empty otherwise. */
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        byte[] claimBytes;
        byte[] signature;
        try {
            claimBytes = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(claimBytes), signature)) {
            return Optional.empty();
        }
        List<String> parts = List.of(new String(claimBytes, StandardCharsets.UTF_8).split("\n", -1));
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts.get(parts.size() - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(parts.subList(0, parts.size() - 1), expiresAt));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
