package dev.autopilot.detector.intake.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.intake.IntakeGuard;
import dev.autopilot.detector.intake.IntakeReceipt;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.detector.intake.SignalPublisher;
import dev.autopilot.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generic JSON signal ({@link GenericSignal}), one object or an array of them. All-or-nothing: if any item is
 * invalid, none is taken and the 400 names each problem by position. Senders with a secret must sign their posts
 * ({@link SenderSignatures}). Answers 202 once all are on Kafka.
 */
@Path("/intake/signals")
@RolesAllowed(Roles.INTAKE)
public class GenericIntakeResource {

    private final SignalPublisher signals;
    private final SenderSignatures signatures;
    private final IntakeGuard guard;
    private final Clock clock;

    @Inject
    public GenericIntakeResource(SignalPublisher signals, SenderSignatures signatures,
            IntakeGuard guard, Clock clock) {
        this.signals = signals;
        this.signatures = signatures;
        this.guard = guard;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(String body, @HeaderParam(SenderSignatures.TIMESTAMP) String timestamp,
            @HeaderParam(SenderSignatures.SIGNATURE) String signature) throws JsonProcessingException {
        JsonNode document = guard.read(body);
        Instant now = clock.instant();
        List<SignalReceived> parsed = new ArrayList<>();
        JsonFields fields = JsonFields.root("");
        if (document != null && document.isArray()) {
            guard.checkBatch(document.size(), fields, "body", "signals");
            if (!fields.hasErrors()) {
                for (int i = 0; i < document.size(); i++) {
                    parsed.add(GenericSignal.parse(document.get(i), fields.nested("[" + i + "]"), now));
                }
            }
        } else {
            parsed.add(GenericSignal.parse(document, fields, now));
        }
        fields.throwIfInvalid("The signal");
        Map<String, Long> perSender = parsed.stream()
                .collect(Collectors.groupingBy(s -> s.labels().get("sender"), Collectors.counting()));
        signatures.verify(perSender.keySet(), body, timestamp, signature);
        perSender.forEach((sender, count) -> guard.admit("generic-" + sender, count.intValue()));
        return signals.publish(parsed)
                .map(done -> Response.accepted(Map.of("signals", parsed.stream().map(IntakeReceipt::of).toList()))
                        .build());
    }
}
