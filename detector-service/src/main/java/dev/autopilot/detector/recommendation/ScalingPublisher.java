package dev.autopilot.detector.recommendation;

import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.detection.Verdict;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import dev.autopilot.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Announces scaling recommendations on {@code recommendations.v1}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class ScalingPublisher {

    private static final Logger LOG = Logger.getLogger(ScalingPublisher.class);

    private final Outbox outbox;
    private final ManagedServiceConfig managed;

    @Inject
    public ScalingPublisher(Outbox outbox, ManagedServiceConfig managed) {
        this.outbox = outbox;
        this.managed = managed;
    }

    public void recommend(SignalReceived signal, Verdict.Scale scale, Instant at) {
        String metric = metricOf(signal);
        String reason = scale.rule() + ": " + metric + (signal.value() == null ? "" : " at " + signal.value())
                + (scale.heldFor().isZero() ? "" : " for " + scale.heldFor().toSeconds() + " s");
        outbox.append(new ScalingRecommended(UUID.randomUUID().toString(), scale.service(), managed.cluster(),
                scale.direction(), metric, signal.value(), scale.threshold(), scale.heldFor().toSeconds(), reason, at));
        LOG.infof("scaling %s recommended for %s: %s", scale.direction(), scale.service(), reason);
    }

    private static String metricOf(SignalReceived signal) {
        String namespace = signal.labels().get("namespace");
        String metric = signal.labels().getOrDefault("metricName", signal.labels().get("metric"));
        if (metric == null) {
            return signal.title();
        }
        return namespace == null ? metric : namespace + " " + metric;
    }
}
