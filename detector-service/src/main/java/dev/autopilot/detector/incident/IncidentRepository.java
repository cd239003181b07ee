package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** The open or acknowledged incident of a fingerprint; there is at most one (a unique index says so). */
    public Optional<Incident> findActive(String fingerprint) {
        return find("fingerprint = ?1 and status <> ?2", fingerprint, IncidentStatus.RESOLVED).firstResultOptional();
    }

    /** Newest first, filtered by whichever of status and severity are given. */
    public List<Incident> search(IncidentStatus status, Severity severity, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (severity != null) {
            where.add("severity = :severity");
            parameters.and("severity", severity);
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.descending("openedAt").and("id"), parameters)
                .range(offset, offset + limit - 1)
                .list();
    }
}
