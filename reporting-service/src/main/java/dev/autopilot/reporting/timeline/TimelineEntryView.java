package dev.autopilot.reporting.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an incident's timeline as the API shows it.
 *
 * @param eventId    the event's CloudEvents id
 * @param incidentId the incident it is about; null for an event about none (a scaling recommendation)
 * @param managedService the managed service an event about no incident concerns
 * @param at      when it happened
 * @param service the service that told it ({@code detector}, {@code remediation}, {@code notification})
 * @param type    the event type, e.g. {@code IncidentOpened}
 * @param summary one sentence for people
 * @param details the event as it was published
 */
public record TimelineEntryView(String eventId, String incidentId, String managedService, Instant at,
        String service, String type, String summary, Map<String, Object> details) {

    public static TimelineEntryView from(TimelineEntry entry) {
        return new TimelineEntryView(entry.eventId(), entry.incidentId(), entry.managedService(), entry.at(),
                entry.service(), entry.type(), entry.summary(), entry.details());
    }
}
