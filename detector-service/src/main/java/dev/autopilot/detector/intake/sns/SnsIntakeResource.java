package dev.autopilot.detector.intake.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.detector.intake.IntakeGuard;
import dev.autopilot.detector.intake.IntakeReceipt;
import dev.autopilot.detector.intake.SignalPublisher;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchAlarm;
import dev.autopilot.detector.intake.cloudwatch.CloudWatchSignals;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * CloudWatch alarms through an SNS HTTP(S) subscription. SNS posts its JSON as {@code text/plain}; JSON is accepted
 * too. Every message's signature is verified ({@link SnsVerifier}); a forged, expired or wrong-region message is
 * refused with 403 and recorded as a security signal. A {@code SubscriptionConfirmation} is confirmed, an
 * {@code UnsubscribeConfirmation} recorded, a {@code Notification} taken in: answered 202 once the signal is on
 * Kafka.
 */
@Path("/intake/sns")
public class SnsIntakeResource {

    private static final Logger LOG = Logger.getLogger(SnsIntakeResource.class);

    private final ObjectMapper json;
    private final SignalPublisher signals;
    private final CloudWatchSignals cloudWatch;
    private final SnsVerifier verifier;
    private final SnsSubscriptions subscriptions;
    private final IntakeGuard guard;
    private final Clock clock;

    @Inject
    public SnsIntakeResource(ObjectMapper json, SignalPublisher signals, CloudWatchSignals cloudWatch,
            SnsVerifier verifier, SnsSubscriptions subscriptions, IntakeGuard guard, Clock clock) {
        this.json = json;
        this.signals = signals;
        this.cloudWatch = cloudWatch;
        this.verifier = verifier;
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.INTAKE)
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<Response> receive(String body, @Context HttpServerRequest request) throws JsonProcessingException {
        SnsEnvelope envelope = SnsEnvelope.parse(guard.read(body));
        guard.admit("sns", 1);
        var refusal = verifier.refusal(body, envelope.topicArn());
        if (refusal.isPresent()) {
            return refuse(envelope, refusal.get().reason(), request);
        }
        switch (envelope.type()) {
            case SnsEnvelope.SUBSCRIPTION_CONFIRMATION -> {
                subscriptions.confirm(envelope);
                return Uni.createFrom().item(Response.ok(Map.of("subscription", "CONFIRMED")).build());
            }
            case SnsEnvelope.UNSUBSCRIBE_CONFIRMATION -> {
                subscriptions.unsubscribed(envelope);
                return Uni.createFrom().item(Response.ok(Map.of("subscription", "UNSUBSCRIBED")).build());
            }
            default -> {
                CloudWatchAlarm alarm = CloudWatchAlarm.parse(readMessage(envelope.message()));
                SignalReceived signal = cloudWatch.toSignal(alarm, "sns:" + envelope.messageId(),
                        envelope.messageId(), Map.of("topicArn", envelope.topicArn()), clock.instant());
                return signals.publish(List.of(signal)).map(done -> Response.accepted(IntakeReceipt.of(signal)).build());
            }
        }
    }

    /** The topics that subscribed the detector, and how that went. */
    @GET
    @Path("/subscriptions")
    @RolesAllowed(Roles.VIEWER)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> subscriptions() {
        return subscriptions.all().stream().map(s -> Map.<String, Object>of("topicArn", s.topicArn(),
                "status", s.status(), "detail", s.detail() == null ? "" : s.detail(), "updatedAt", s.updatedAt()))
                .toList();
    }

    /** A message that does not verify: recorded as a security signal (durably), then refused with 403. */
    private Uni<Response> refuse(SnsEnvelope envelope, String reason, HttpServerRequest request) {
        Instant now = clock.instant();
        String from = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        LOG.warnf("refused an SNS %s claiming topic %s from %s: %s", envelope.type(), envelope.topicArn(), from, reason);
        Map<String, String> labels = new TreeMap<>();
        labels.put("event", "forged-sns-message");
        labels.put("topicArn", envelope.topicArn());
        labels.put("claimedMessageId", envelope.messageId());
        labels.put("remoteAddress", from);
        labels.put("reason", reason);
        SignalReceived signal = new SignalReceived(
                UUID.nameUUIDFromBytes(("forged-sns:" + envelope.messageId() + ":" + envelope.signature())
                        .getBytes(StandardCharsets.UTF_8)).toString(),
                "intake:forged-sns:" + envelope.topicArn(), "intake", envelope.messageId(), SignalStatus.FIRING,
                "SNS message failed verification for " + envelope.topicArn(), reason, labels, null, null, now, now);
        return signals.publish(List.of(signal)).map(done -> {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "the message is not SNS's own: " + reason);
        });
    }

    private JsonNode readMessage(String message) {
        try {
            return json.readTree(message);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
