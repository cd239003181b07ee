package dev.autopilot.detector.intake.prometheus;

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

/**
 * Prometheus and Alertmanager, unchanged:
 * <ul>
 * <li>{@code POST /intake/prometheus/api/v2/alerts} takes exactly what Prometheus sends an Alertmanager (an array
 * of postable alerts), so {@code alerting.alertmanagers} can point at the detector with
 * {@code path_prefix: /intake/prometheus} and bearer authorization. An alert whose {@code endsAt} has passed is
 * resolved; Prometheus re-sends every active alert about once a minute, and each re-send is a repeat.</li>
 * <li>{@code POST /intake/alertmanager} takes Alertmanager's webhook (version 4) as a receiver.</li>
 * </ul>
 * All or nothing: one invalid alert refuses the request with a 400 naming it. Answers once every alert is on Kafka.
 */
@Path("/intake")
@RolesAllowed(Roles.INTAKE)
public class PrometheusIntakeResource {

    private final SignalPublisher signals;
    private final IntakeGuard guard;
    private final Clock clock;

    @Inject
    public PrometheusIntakeResource(SignalPublisher signals, IntakeGuard guard, Clock clock) {
        this.signals = signals;
        this.guard = guard;
        this.clock = clock;
    }

    @POST
    @Path("/prometheus/api/v2/alerts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> alerts(String body) throws JsonProcessingException {
        JsonNode document = guard.read(body);
        JsonFields fields = JsonFields.root("");
        if (document == null || !document.isArray()) {
            fields.error("body", "must be an array of alerts, as Prometheus posts them");
        } else {
            guard.checkBatch(document.size(), fields, "body", "alerts");
        }
        fields.throwIfInvalid("The alerts");
        Instant now = clock.instant();
        List<SignalReceived> parsed = new ArrayList<>();
        for (int i = 0; i < document.size(); i++) {
            parsed.add(Alerts.parse("prometheus", document.get(i), fields.nested("[" + i + "]"), null, null,
                    "prometheus", now));
        }
        fields.throwIfInvalid("The alerts");
        guard.admit("prometheus", parsed.size());
        return signals.publish(parsed).map(done -> Response.ok(receipts(parsed)).build());
    }

    @POST
    @Path("/alertmanager")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> webhook(String body) throws JsonProcessingException {
        JsonNode document = guard.read(body);
        JsonFields fields = JsonFields.root("");
        if (document == null || !document.isObject()) {
            fields.error("body", "must be an Alertmanager webhook message (a JSON object)");
            fields.throwIfInvalid("The webhook message");
        }
        String version = fields.optionalText(document, "version");
        if (version != null && !"4".equals(version)) {
            fields.error("version", "must be 4, not " + version);
        }
        String groupKey = fields.optionalText(document, "groupKey");
        JsonNode alerts = fields.optionalArray(document, "alerts");
        if (alerts == null) {
            fields.error("alerts", "is required");
        } else {
            guard.checkBatch(alerts.size(), fields, "alerts", "alerts");
        }
        fields.throwIfInvalid("The webhook message");
        Instant now = clock.instant();
        List<SignalReceived> parsed = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            JsonFields item = fields.nested("alerts[" + i + "]");
            String status = item.optionalText(alert, "status");
            if (status != null && !status.equals("firing") && !status.equals("resolved")) {
                item.error("status", "must be firing or resolved, not " + status);
            }
            parsed.add(Alerts.parse("alertmanager", alert, item, status, item.optionalText(alert, "fingerprint"),
                    "alertmanager:" + groupKey, now));
        }
        fields.throwIfInvalid("The webhook message");
        guard.admit("alertmanager", parsed.size());
        return signals.publish(parsed).map(done -> Response.ok(receipts(parsed)).build());
    }

    private static Map<String, Object> receipts(List<SignalReceived> parsed) {
        return Map.of("signals", parsed.stream().map(IntakeReceipt::of).toList());
    }
}
