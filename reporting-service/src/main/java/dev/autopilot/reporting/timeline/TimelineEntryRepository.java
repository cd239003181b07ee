package dev.autopilot.reporting.timeline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** The latest entries of every timeline (incidents' and services'), newest first, before {@code to}. */
    public List<TimelineEntry> latest(Instant from, Instant to, int limit) {
        return find("at >= ?1 and at < ?2", Sort.descending("at", "id"), from, to).range(0, limit - 1).list();
    }

    /** The entries about no incident (scaling recommendations) in [from, to), in time order. */
    public List<TimelineEntry> aboutNoIncident(Instant from, Instant to) {
        return list("incidentId is null and at >= ?1 and at < ?2", Sort.ascending("at", "id"), from, to);
    }
}
