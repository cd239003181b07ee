package dev.autopilot.contracts;

import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.notification.NotificationEvent;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.signal.SignalEvent;
import java.util.ArrayList;
import java.util.List;

/** The topics the services meet on: {@code <plural noun>.v<major>}, and their dead-letter topics. */
public final class Topics {

    public static final String SIGNALS = "signals.v1";
    public static final String INCIDENTS = "incidents.v1";
    public static final String REMEDIATIONS = "remediations.v1";
    public static final String NOTIFICATIONS = "notifications.v1";

    public static final EventStream<SignalEvent> SIGNAL_EVENTS = new EventStream<>(SIGNALS, SignalEvent.class);
    public static final EventStream<IncidentEvent> INCIDENT_EVENTS = new EventStream<>(INCIDENTS, IncidentEvent.class);
    public static final EventStream<RemediationEvent> REMEDIATION_EVENTS =
            new EventStream<>(REMEDIATIONS, RemediationEvent.class);
    public static final EventStream<NotificationEvent> NOTIFICATION_EVENTS =
            new EventStream<>(NOTIFICATIONS, NotificationEvent.class);

    /** The event streams, in the order a signal travels through them. */
    public static final List<EventStream<?>> STREAMS =
            List.of(SIGNAL_EVENTS, INCIDENT_EVENTS, REMEDIATION_EVENTS, NOTIFICATION_EVENTS);

    /** Which services consume each topic, and so which dead-letter topics exist. */
    public static final List<String> CONSUMERS_OF_SIGNALS = List.of("detector", "reporting");
    public static final List<String> CONSUMERS_OF_INCIDENTS = List.of("remediation", "notification", "reporting");
    public static final List<String> CONSUMERS_OF_REMEDIATIONS = List.of("notification", "reporting");
    public static final List<String> CONSUMERS_OF_NOTIFICATIONS = List.of("reporting");

    private Topics() {
    }

    /** The stream an event belongs to, and so its topic. */
    public static EventStream<?> streamOf(Event event) {
        for (EventStream<?> stream : STREAMS) {
            if (stream.type().isInstance(event)) {
                return stream;
            }
        }
        throw new IllegalArgumentException(Event.typeOf(event) + " belongs to no stream");
    }

    /** The dead-letter topic of one consumer of a topic: {@code <topic>.dlq.<service>}. */
    public static String deadLetter(String topic, String service) {
        return topic + ".dlq." + service;
    }

    /** Every topic the platform creates: the streams and each consumer's dead-letter topic. */
    public static List<String> all() {
        var topics = new ArrayList<String>();
        topics.add(SIGNALS);
        topics.add(INCIDENTS);
        topics.add(REMEDIATIONS);
        topics.add(NOTIFICATIONS);
        CONSUMERS_OF_SIGNALS.forEach(s -> topics.add(deadLetter(SIGNALS, s)));
        CONSUMERS_OF_INCIDENTS.forEach(s -> topics.add(deadLetter(INCIDENTS, s)));
        CONSUMERS_OF_REMEDIATIONS.forEach(s -> topics.add(deadLetter(REMEDIATIONS, s)));
        CONSUMERS_OF_NOTIFICATIONS.forEach(s -> topics.add(deadLetter(NOTIFICATIONS, s)));
        return List.copyOf(topics);
    }
}
