package dev.autopilot.detector.intake.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.detector.intake.IntakeReceipt;
import dev.autopilot.detector.intake.SignalPublisher;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchAlarm;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchSignals;
import dev.autopilot.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * CloudWatch alarms through an SNS HTTP(S) subscription. SNS posts its JSON as {@code text/plain}; JSON is
 * accepted too. Answers 202 once the signal is on Kafka.
 */
@Path("/intake/sns")
@RolesAllowed(Roles.INTAKE)
public class SnsIntakeResource {

    private static final Logger LOG = Logger.getLogger(SnsIntakeResource.class);

    private final ObjectMapper json;
    private final SignalPublisher signals;
    private final CloudWatchSignals cloudWatch;
    private final Clock clock;

    @Inject
    public SnsIntakeResource(ObjectMapper json, SignalPublisher signals, CloudWatchSignals cloudWatch, Clock clock) {
        this.json = json;
        this.signals = signals;
        this.cloudWatch = cloudWatch;
        this.clock = clock;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(String body) throws JsonProcessingException {
        SnsEnvelope envelope = SnsEnvelope.parse(json.readTree(body));
        if (!envelope.isNotification()) {
            LOG.infof("SNS %s for %s recorded; confirming subscriptions comes with signature verification",
                    envelope.type(), envelope.topicArn());
            return Uni.createFrom().item(Response.accepted().build());
        }
        CloudWatchAlarm alarm = CloudWatchAlarm.parse(readMessage(envelope.message()));
        var signal = cloudWatch.toSignal(alarm, "sns:" + envelope.messageId(), envelope.messageId(),
                Map.of("topicArn", envelope.topicArn()), clock.instant());
        return signals.publish(List.of(signal))
                .map(done -> Response.accepted(IntakeReceipt.of(signal)).build());
    }

    private JsonNode readMessage(String message) {
        try {
            return json.readTree(message);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
