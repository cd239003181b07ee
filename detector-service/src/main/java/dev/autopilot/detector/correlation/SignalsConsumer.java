package dev.autopilot.detector.correlation;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the correlator from {@code signals.v1}: each batch in one transaction, each signal applied once. */
@ApplicationScoped
public class SignalsConsumer {

    private final Inbox inbox;
    private final Correlator correlator;

    @Inject
    public SignalsConsumer(Inbox inbox, Correlator correlator) {
        this.inbox = inbox;
        this.correlator = correlator;
    }

    @Incoming("signals")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(Topics.SIGNAL_EVENTS, records, events -> correlator.apply(events.stream()
                .map(e -> e.event())
                .filter(SignalReceived.class::isInstance)
                .map(SignalReceived.class::cast)
                .toList()));
    }
}
