package dev.autopilot.detector.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentSignalRepository implements PanacheRepositoryBase<IncidentSignal, Long> {

    /** The evidence of an incident, in the order it arrived. */
    public List<IncidentSignal> ofIncident(UUID incidentId, int offset, int limit) {
        return find("incidentId", Sort.ascending("id"), incidentId).range(offset, offset + limit - 1).list();
    }
}
