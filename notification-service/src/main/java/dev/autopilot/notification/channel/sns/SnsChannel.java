package dev.autopilot.notification.channel.sns;

import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Publishes through SNS: an SMS to a phone number (E.164, {@code sns:+821000000001}), or a message to a topic
 * ({@code sns:arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production}). A throttled or failing SNS (429,
 * {@code Throttling}, 5xx) and an unreachable one are worth retrying; any other refusal (a wrong number, a missing
 * topic, no permission) is final.
 */
@ApplicationScoped
public class SnsChannel implements Channel {

    public static final String NAME = "sns";

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]{1,256}");
    private static final int SUBJECT_LIMIT = 100;

    private final SnsConfig config;
    private final AwsClients aws;
    private final SnsClient sns;
    private volatile Boolean credentials;

    @Inject
    public SnsChannel(SnsConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
        this.sns = aws.build(SnsClient.builder());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Enabled, and the SDK finds credentials (looked up once: the default chain may ask the instance's metadata). */
    @Override
    public boolean isConfigured() {
        if (!config.enabled()) {
            return false;
        }
        Boolean found = credentials;
        if (found == null) {
            found = aws.credentialsAvailable();
            credentials = found;
        }
        return found;
    }

    @Override
    public String missingSettings() {
        return config.enabled() ? "AWS credentials (the SDK's default chain: AWS_ACCESS_KEY_ID, a profile, a role)"
                : "notification.sns.enabled=true (NOTIFICATION_SNS_ENABLED) and AWS credentials";
    }

    @Override
    public boolean accepts(String address) {
        return address != null && (PHONE.matcher(address).matches() || TOPIC.matcher(address).matches());
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public SendResult send(Page page) {
        String address = page.recipient().address();
        if (!accepts(address)) {
            return SendResult.permanent(null, "no phone number or topic ARN to publish to");
        }
        PublishRequest.Builder request = PublishRequest.builder();
        if (address.startsWith("arn:")) {
            String subject = page.headline();
            request.topicArn(address)
                    .subject(subject.length() > SUBJECT_LIMIT ? subject.substring(0, SUBJECT_LIMIT) : subject)
                    .message(SnsText.forTopic(page));
        } else {
            request.phoneNumber(address)
                    .message(SnsText.forSms(page))
                    .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder()
                            .dataType("String").stringValue(config.smsType()).build()));
        }
        try {
            PublishResponse response = sns.publish(request.build());
            return SendResult.delivered(response.sdkHttpResponse().statusCode(),
                    "SNS message " + response.messageId());
        } catch (SnsException e) {
            int status = e.statusCode();
            String code = e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
            String detail = "SNS refused: " + code + " (HTTP " + status + ")";
            boolean throttled = status == 429 || "Throttling".equals(code) || "ThrottlingException".equals(code)
                    || "KMSThrottling".equals(code);
            return throttled || status >= 500 ? SendResult.retryable(status, detail)
                    : SendResult.permanent(status, detail);
        } catch (SdkClientException e) {
            return SendResult.retryable(null, "SNS could not be reached: " + e.getClass().getSimpleName());
        }
    }
}
