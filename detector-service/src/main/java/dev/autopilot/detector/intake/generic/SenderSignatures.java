package dev.autopilot.detector.intake.generic;

import dev.autopilot.detector.intake.IntakeConfig;
import dev.autopilot.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generic senders that have a secret must sign each post: {@code X-Autopilot-Timestamp: <epoch seconds>} and
 * {@code X-Autopilot-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, the timestamp within the replay
 * window of now. The same scheme as the notification service's outgoing webhook.
 */
@ApplicationScoped
public class SenderSignatures {

    public static final String TIMESTAMP = "X-Autopilot-Timestamp";
    public static final String SIGNATURE = "X-Autopilot-Signature";

    private final IntakeConfig config;
    private final Clock clock;

    @Inject
    public SenderSignatures(IntakeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Checks the post's signature for the senders it carries; a sender without a secret needs none. */
    public void verify(Set<String> senders, String body, String timestamp, String signature) {
        String secret = null;
        for (String sender : senders) {
            Optional<String> own = Optional.ofNullable(config.senders().get(sender))
                    .flatMap(IntakeConfig.Sender::hmacSecret);
            if (own.isEmpty()) {
                continue;
            }
            if (secret != null && !secret.equals(own.get())) {
                throw ProblemException.badRequest("signals of senders with different secrets must be posted apart");
            }
            secret = own.get();
        }
        if (secret == null) {
            return;
        }
        if (timestamp == null || signature == null) {
            throw unsigned("the post must be signed: " + TIMESTAMP + " and " + SIGNATURE + " headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unsigned(TIMESTAMP + " must be epoch seconds");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(config.replayWindow()) > 0) {
            throw unsigned("the signature's timestamp is " + skew.toSeconds() + " s away from now (a replay?)");
        }
        byte[] expected = ("sha256=" + sign(secret, timestamp.trim() + "." + body)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
            throw unsigned("the signature does not match the body");
        }
    }

    static String sign(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unsigned(String detail) {
        return new ProblemException(401, "bad-signature", "The signature does not verify", detail);
    }
}
