package dev.autopilot.detector.incident;

import dev.autopilot.contracts.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** What the list of incidents can be narrowed by; every part is optional. */
    public record Filter(IncidentStatus status, Severity severity, String type, String service, Instant from,
            Instant to) {
    }

    /** The active incident of a correlation key that last saw a signal at or after {@code since}, if any. */
    public Optional<Incident> findJoinable(String correlationKey, Instant since) {
        return find("correlationKey = ?1 and status <> ?2 and lastSignalAt >= ?3",
                Sort.descending("lastSignalAt"), correlationKey, IncidentStatus.RESOLVED, since).firstResultOptional();
    }

    /** Newest first, narrowed by the filter. */
    public List<Incident> search(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.severity() != null) {
            where.add("severity = :severity");
            parameters.and("severity", filter.severity());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.service() != null) {
            where.add("service = :service");
            parameters.and("service", filter.service());
        }
        if (filter.from() != null) {
            where.add("openedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("openedAt < :to");
            parameters.and("to", filter.to());
        }
        return find(String.join(" and ", where), Sort.descending("openedAt").and("id"), parameters)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** Flapping incidents whose quiet time is over, locked; other replicas pass over them. */
    @SuppressWarnings("unchecked")
    public List<Incident> claimDueToResolve(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM incident
                WHERE resolve_due_at <= :now AND status <> 'RESOLVED'
                ORDER BY resolve_due_at LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, Incident.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** When the next waiting resolution is due. */
    public Optional<Instant> nextResolveDue() {
        return getEntityManager()
                .createQuery("select min(i.resolveDueAt) from Incident i where i.status <> :resolved", Instant.class)
                .setParameter("resolved", IncidentStatus.RESOLVED)
                .getResultList().stream().filter(Objects::nonNull).findFirst();
    }
}
