package dev.autopilot.detector.intake.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.intake.IntakeGuard;
import dev.autopilot.detector.intake.IntakeReceipt;
import dev.autopilot.detector.intake.JsonFields;
import dev.autopilot.detector.intake.SignalPublisher;
import dev.autopilot.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * EventBridge, as an API destination: one event or an array of them. All-or-nothing: an event that is not valid,
 * or of a {@code detail-type} the detector does not take, refuses the whole request with a 400 naming it.
 * Events that mean nothing (a task stopping normally) are accepted and counted as ignored. Answers 202 once every
 * signal is on Kafka.
 */
@Path("/intake/eventbridge")
@RolesAllowed(Roles.INTAKE)
public class EventBridgeIntakeResource {

    private final SignalPublisher signals;
    private final Map<String, EventTranslator> translators;
    private final IntakeGuard guard;
    private final Clock clock;

    @Inject
    public EventBridgeIntakeResource(SignalPublisher signals, Instance<EventTranslator> translators,
            IntakeGuard guard, Clock clock) {
        this.guard = guard;
        this.signals = signals;
        this.translators = translators.stream()
                .collect(Collectors.toMap(EventTranslator::detailType, t -> t, (a, b) -> a, TreeMap::new));
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<Response> receive(String body) throws JsonProcessingException {
        JsonNode document = guard.read(body);
        List<JsonNode> events = new ArrayList<>();
        JsonFields fields = JsonFields.root("");
        if (document != null && document.isArray()) {
            guard.checkBatch(document.size(), fields, "body", "events");
            document.forEach(events::add);
        } else {
            events.add(document);
        }
        fields.throwIfInvalid("The EventBridge request");
        Instant now = clock.instant();
        List<SignalReceived> parsed = new ArrayList<>();
        int ignored = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonFields item = events.size() == 1 && !document.isArray() ? fields : fields.nested("[" + i + "]");
            EventBridgeEvent event = EventBridgeEvent.parse(events.get(i), item);
            if (event == null) {
                continue;
            }
            EventTranslator translator = translators.get(event.detailType());
            if (translator == null) {
                item.error("detail-type", "the detector does not take '" + event.detailType() + "' events; it takes "
                        + String.join(", ", translators.keySet()));
                continue;
            }
            List<SignalReceived> translated = translator.translate(event, item, now);
            if (translated.isEmpty()) {
                ignored++;
            }
            parsed.addAll(translated);
        }
        fields.throwIfInvalid("The EventBridge request");
        guard.admit("eventbridge", parsed.size()); // a refused request takes none of the source's rate
        int nothing = ignored;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("signals", parsed.stream().map(IntakeReceipt::of).toList());
        answer.put("ignored", nothing);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Response.accepted(answer).build());
        }
        return signals.publish(parsed).map(done -> Response.accepted(answer).build());
    }
}
