package dev.autopilot.notification.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected values computed independently: printf '%s' '<timestamp>.<body>' | openssl dgst -sha256 -hmac '<secret>'. */
class WebhookSignatureTest {

    @Test
    void signsTheTimestampAndTheBodyWithHmacSha256() {
        byte[] body = "{\"incidentId\":\"0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77\",\"severity\":\"P0\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.sign("whsec-test", 1764134000L, body))
                .isEqualTo("sha256=a949c2ea55339b70b2cade5e7d3e58eb929c30f0d9e354889281d85e53d04381");
    }

    @Test
    void anEmptyBodyIsSignedToo() {
        assertThat(WebhookSignature.sign("k", 1L, new byte[0]))
                .isEqualTo("sha256=37c39ff90c9eaf98b76f1cf1a38399fa408e930f34e04a5179d0dc6489fe9c78");
    }

    @Test
    void anyChangeToTimestampBodyOrSecretChangesTheSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("secret", 100L, body);

        assertThat(WebhookSignature.sign("secret", 101L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("secret", 100L, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("secreT", 100L, body)).isNotEqualTo(signature);
    }
}
