package dev.autopilot.support.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");
    private final SignedLinks links = new SignedLinks("a-secret-of-sufficient-length");

    @Test
    void aSignedTokenVerifiesUntilItExpires() {
        String token = links.sign(List.of("acknowledge", "incident-1", "devops-lead"), NOW.plusSeconds(3600));

        assertThat(links.verify(token, NOW)).hasValueSatisfying(claims -> {
            assertThat(claims.fields()).containsExactly("acknowledge", "incident-1", "devops-lead");
            assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        });
        assertThat(links.verify(token, NOW.plusSeconds(3599))).isPresent();
        assertThat(links.verify(token, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String token = links.sign(List.of("acknowledge", "incident-1", "devops-lead"), NOW.plusSeconds(3600));
        String other = links.sign(List.of("acknowledge", "incident-2", "devops-lead"), NOW.plusSeconds(3600));
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(links.verify(forged, NOW)).isEmpty();
        assertThat(new SignedLinks("another-secret-of-sufficient-length").verify(token, NOW)).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 2), NOW)).isEmpty();
        assertThat(links.verify("not a token", NOW)).isEmpty();
        assertThat(links.verify("", NOW)).isEmpty();
        assertThat(links.verify(null, NOW)).isEmpty();
    }

    @Test
    void refusesWeakSecretsAndFieldsThatWouldBreakTheFormat() {
        assertThatThrownBy(() -> new SignedLinks("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.sign(List.of("a\nb"), NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
