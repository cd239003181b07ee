package dev.autopilot.detector.intake;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.support.ServiceConfig;
import dev.autopilot.support.messaging.KafkaEventSender;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Writes taken-in signals to {@code signals.v1}, keyed by fingerprint. The intake answers only once this
 * completes, that is once the broker has every signal (acks=all): nothing acknowledged is lost.
 */
@ApplicationScoped
public class SignalPublisher {

    private static final Logger LOG = Logger.getLogger(SignalPublisher.class);

    private final KafkaEventSender sender;
    private final String service;

    @Inject
    public SignalPublisher(KafkaEventSender sender, ServiceConfig service) {
        this.sender = sender;
        this.service = service.name();
    }

    public Uni<Void> publish(List<SignalReceived> signals) {
        List<OutgoingRecord> records = signals.stream()
                .map(s -> OutgoingRecord.of(s, s.signalId(), service))
                .toList();
        return Uni.createFrom().completionStage(() -> sender.sendAll(records))
                .onFailure().transform(e -> {
                    LOG.errorf(e, "could not store %d signal(s) on Kafka", signals.size());
                    return ProblemException.unavailable("the signal could not be stored durably; send it again");
                });
    }
}
