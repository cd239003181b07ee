package dev.autopilot.contracts;

import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.notification.NotificationEvent;
import dev.autopilot.contracts.recommendation.RecommendationEvent;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.report.ReportEvent;
import dev.autopilot.contracts.signal.SignalEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The topics the services meet on: {@code <plural noun>.v<major>}, and their dead-letter topics. */
public final class Topics {

    public static final String SIGNALS = "signals.v1";
    public static final String INCIDENTS = "incidents.v1";
    public static final String RECOMMENDATIONS = "recommendations.v1";
    public static final String REMEDIATIONS = "remediations.v1";
    public static final String NOTIFICATIONS = "notifications.v1";
    public static final String REPORTS = "reports.v1";

    public static final EventStream<SignalEvent> SIGNAL_EVENTS = new EventStream<>(SIGNALS, SignalEvent.class);
    public static final EventStream<IncidentEvent> INCIDENT_EVENTS = new EventStream<>(INCIDENTS, IncidentEvent.class);
    public static final EventStream<RecommendationEvent> RECOMMENDATION_EVENTS =
            new EventStream<>(RECOMMENDATIONS, RecommendationEvent.class);
    public static final EventStream<RemediationEvent> REMEDIATION_EVENTS =
            new EventStream<>(REMEDIATIONS, RemediationEvent.class);
    public static final EventStream<NotificationEvent> NOTIFICATION_EVENTS =
            new EventStream<>(NOTIFICATIONS, NotificationEvent.class);
    public static final EventStream<ReportEvent> REPORT_EVENTS = new EventStream<>(REPORTS, ReportEvent.class);

    /** The event streams, in the order a signal travels through them. */
    public static final List<EventStream<?>> STREAMS = List.of(SIGNAL_EVENTS, INCIDENT_EVENTS, RECOMMENDATION_EVENTS,
            REMEDIATION_EVENTS, NOTIFICATION_EVENTS, REPORT_EVENTS);

    /** Which services consume each topic, and so which dead-letter topics exist. */
    public static final Map<String, List<String>> CONSUMERS = consumers();

    private Topics() {
    }

    private static Map<String, List<String>> consumers() {
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        consumers.put(SIGNALS, List.of("detector", "reporting"));
        consumers.put(INCIDENTS, List.of("remediation", "notification", "reporting"));
        consumers.put(RECOMMENDATIONS, List.of("remediation", "reporting"));
        consumers.put(REMEDIATIONS, List.of("notification", "reporting"));
        consumers.put(NOTIFICATIONS, List.of("reporting"));
        consumers.put(REPORTS, List.of("notification"));
        return Collections.unmodifiableMap(consumers);
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
        List<String> topics = new ArrayList<>();
        STREAMS.forEach(stream -> topics.add(stream.topic()));
        CONSUMERS.forEach((topic, services) -> services.forEach(s -> topics.add(deadLetter(topic, s))));
        return List.copyOf(topics);
    }
}
