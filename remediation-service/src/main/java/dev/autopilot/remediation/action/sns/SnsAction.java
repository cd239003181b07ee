package dev.autopilot.remediation.action.sns;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Amazon SNS: a message to a topic (the rollback's announcement to the alerts topic). */
@ApplicationScoped
public class SnsAction implements Action {

    private final SnsClient sns;

    @Inject
    public SnsAction(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String service() {
        return "sns";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("Publish", Effect.CHANGE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"Publish".equals(call.operation())) {
            return ActionResult.failed("sns has no operation " + call.operation(), false);
        }
        PublishRequest request = PublishRequest.builder()
                .topicArn(call.parameters().string("TopicArn"))
                .message(call.parameters().string("Message"))
                .subject(call.parameters().optionalString("Subject").orElse(null))
                .build();
        return AwsRequests.change(call, "publish to " + request.topicArn(), request, sns::publish,
                response -> ActionResult.done("published message " + response.messageId() + " to "
                        + request.topicArn()));
    }
}
