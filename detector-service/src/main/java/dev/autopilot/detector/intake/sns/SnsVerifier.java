package dev.autopilot.detector.intake.sns;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.messagemanager.sns.SnsMessageManager;
import software.amazon.awssdk.regions.Region;

/**
 * Verifies SNS message signatures with the AWS SDK's {@code SnsMessageManager}: the signing certificate must come
 * from {@code sns.<region>.amazonaws.com} of the topic's region, be {@code CN=sns.amazonaws.com} and within its
 * validity, and the signature must hold over the message. Only the configured regions are accepted.
 */
@ApplicationScoped
public class SnsVerifier {

    private static final Logger LOG = Logger.getLogger(SnsVerifier.class);

    /** Why a message was refused, for the answer and the security signal. */
    public record Refusal(String reason) {
    }

    private final SnsConfig config;
    private final SnsCertificates.Client certificates;
    private final Map<String, SnsMessageManager> managers = new ConcurrentHashMap<>();

    @Inject
    public SnsVerifier(SnsConfig config, SnsCertificates.Client certificates) {
        this.config = config;
        this.certificates = certificates;
    }

    void warnWhenOff(@Observes StartupEvent event) {
        if (!config.verifySignatures()) {
            LOG.warn("SNS signature verification is OFF (detector.sns.verify-signatures=false): anyone who can reach "
                    + "/intake/sns with the intake token can post as SNS. Use this only to replay captured messages.");
        }
    }

    public boolean enabled() {
        return config.verifySignatures();
    }

    /** Empty when the message is SNS's own (or verification is off); otherwise why it is refused. */
    public Optional<Refusal> refusal(String body, String topicArn) {
        if (!config.verifySignatures()) {
            return Optional.empty();
        }
        String region = regionOf(topicArn);
        if (region == null || !config.regions().contains(region)) {
            return Optional.of(new Refusal("topic region " + region + " is not one of " + config.regions()));
        }
        try {
            manager(region).parseMessage(body);
            return Optional.empty();
        } catch (SdkClientException e) {
            return Optional.of(new Refusal(e.getMessage()));
        }
    }

    private SnsMessageManager manager(String region) {
        return managers.computeIfAbsent(region, r -> SnsMessageManager.builder()
                .region(Region.of(r))
                .httpClient(certificates.http())
                .build());
    }

    /** The region of a topic ARN: {@code arn:aws:sns:<region>:<account>:<name>}. */
    static String regionOf(String topicArn) {
        if (topicArn == null) {
            return null;
        }
        String[] parts = topicArn.split(":");
        return parts.length >= 6 && "sns".equals(parts[2]) ? parts[3] : null;
    }
}
