package dev.autopilot.reporting.timeline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TimelineEntryRepository implements PanacheRepository<TimelineEntry> {

    /**
     * Adds the entry unless its event is on a timeline already.
     *
     * @return true when it was added
     */
    public boolean append(TimelineEntry entry) {
        if (count("eventId", entry.eventId()) > 0) {
            return false;
        }
        persist(entry);
        return true;
    }

    /** The incident's entries in time order; events of one instant in the order of an incident's life, then by id. */
    public List<TimelineEntry> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("at", "phase", "eventId"), incidentId);
    }
}
