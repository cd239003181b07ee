package dev.autopilot.reporting.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.support.messaging.IncomingEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event of one service about an incident, as the incident's timeline shows it; one per event id. An event
 * about no incident (a scaling recommendation) has no incident id, and the managed service it concerns.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String eventId;

    private String incidentId;

    private String managedService;

    private Instant at;

    private String service;

    private String type;

    private int phase;

    private String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> details;

    private Instant recordedAt;

    protected TimelineEntry() {
    }

    /**
     * The entry for an event: at the event's time, told by the service of its CloudEvents source, with the event's
     * payload as details.
     */
    public static TimelineEntry of(IncomingEvent<? extends Event> received, Instant at, Instant recordedAt) {
        Event event = received.event();
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = received.id();
        entry.incidentId = TimelineNarrator.incidentOf(event);
        entry.managedService = TimelineNarrator.managedServiceOf(event);
        entry.at = at;
        entry.service = TimelineNarrator.serviceOf(received.source());
        entry.type = received.type();
        entry.phase = TimelineNarrator.phaseOf(event);
        entry.summary = TimelineNarrator.summaryOf(event);
        entry.details = JSON.convertValue(event, OBJECT);
        entry.recordedAt = recordedAt;
        return entry;
    }

    public String eventId() {
        return eventId;
    }

    public String incidentId() {
        return incidentId;
    }

    public String managedService() {
        return managedService;
    }

    public Instant at() {
        return at;
    }

    public String service() {
        return service;
    }

    public String type() {
        return type;
    }

    public String summary() {
        return summary;
    }

    public Map<String, Object> details() {
        return details == null ? Map.of() : details;
    }
}
