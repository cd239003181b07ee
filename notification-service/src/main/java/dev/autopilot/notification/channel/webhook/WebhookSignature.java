package dev.autopilot.notification.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook page: {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the shared secret,
 * the timestamp being the {@code X-Autopilot-Timestamp} header (Unix seconds). A receiver recomputes it over the
 * raw body it received, compares in constant time, and refuses old timestamps to stop replays.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Autopilot-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Autopilot-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@code X-Autopilot-Signature} value of a body sent at a timestamp. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
