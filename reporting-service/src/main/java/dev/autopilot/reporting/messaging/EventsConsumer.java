package dev.autopilot.reporting.messaging;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import dev.autopilot.reporting.timeline.TimelineService;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every topic, one channel each (so each has its own dead-letter topic {@code <topic>.dlq.reporting}), in
 * batches, each event applied once: signals become samples, everything else goes on its incident's timeline (or,
 * for an event about no incident such as a scaling recommendation, on the managed service's).
 */
@ApplicationScoped
public class EventsConsumer {

    private final Inbox inbox;
    private final TimelineService timeline;
    private final SignalSampleRepository samples;

    @Inject
    public EventsConsumer(Inbox inbox, TimelineService timeline, SignalSampleRepository samples) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.samples = samples;
    }

    @Incoming("signals")
    @Blocking
    public void signals(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.SIGNAL_EVENTS, records, received -> {
            if (received.event() instanceof SignalReceived signal) {
                samples.record(signal, received.time());
            }
        });
    }

    @Incoming("incidents")
    @Blocking
    public void incidents(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.INCIDENT_EVENTS, records, timeline::record);
    }

    @Incoming("recommendations")
    @Blocking
    public void recommendations(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.RECOMMENDATION_EVENTS, records, timeline::record);
    }

    @Incoming("remediations")
    @Blocking
    public void remediations(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.REMEDIATION_EVENTS, records, timeline::record);
    }

    @Incoming("notifications")
    @Blocking
    public void notifications(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.NOTIFICATION_EVENTS, records, timeline::record);
    }
}
