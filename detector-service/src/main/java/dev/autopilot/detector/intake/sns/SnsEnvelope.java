package dev.autopilot.detector.intake.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.detector.intake.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * An SNS HTTP(S) delivery: the JSON document SNS posts to a subscribed endpoint (as {@code text/plain}).
 *
 * @param type      {@code Notification}, {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}
 * @param messageId SNS's id of the message; redeliveries repeat it
 * @param message   the payload: for CloudWatch alarms, the alarm as a JSON string
 */
record SnsEnvelope(
        String type,
        String messageId,
        String topicArn,
        String subject,
        String message,
        Instant timestamp,
        String signatureVersion,
        String signature,
        String signingCertUrl,
        String subscribeUrl,
        String token) {

    static final String NOTIFICATION = "Notification";
    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";
    private static final Set<String> TYPES = Set.of(NOTIFICATION, SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION);

    /** Reads and checks the envelope; throws a 400 naming every missing or malformed field. */
    static SnsEnvelope parse(JsonNode json) {
        JsonFields fields = JsonFields.root("");
        if (json == null || !json.isObject()) {
            fields.error("body", "must be an SNS message (a JSON object)");
            fields.throwIfInvalid("The SNS message");
        }
        String type = fields.requiredText(json, "Type");
        if (type != null && !TYPES.contains(type)) {
            fields.error("Type", "must be one of " + TYPES + ", not " + type);
        }
        String messageId = fields.requiredText(json, "MessageId");
        String topicArn = fields.requiredText(json, "TopicArn");
        String message = fields.requiredText(json, "Message");
        String timestampText = fields.requiredText(json, "Timestamp");
        Instant timestamp = null;
        if (timestampText != null) {
            try {
                timestamp = Instant.parse(timestampText);
            } catch (DateTimeParseException e) {
                fields.error("Timestamp", "must be an ISO-8601 time, not " + timestampText);
            }
        }
        String subscribeUrl = fields.optionalText(json, "SubscribeURL");
        String token = fields.optionalText(json, "Token");
        if (SUBSCRIPTION_CONFIRMATION.equals(type)) {
            fields.requiredText(json, "SubscribeURL");
            fields.requiredText(json, "Token");
        }
        fields.throwIfInvalid("The SNS message");
        return new SnsEnvelope(type, messageId, topicArn, fields.optionalText(json, "Subject"), message, timestamp,
                fields.optionalText(json, "SignatureVersion"), fields.optionalText(json, "Signature"),
                fields.optionalText(json, "SigningCertURL"), subscribeUrl, token);
    }

    boolean isNotification() {
        return NOTIFICATION.equals(type);
    }
}
