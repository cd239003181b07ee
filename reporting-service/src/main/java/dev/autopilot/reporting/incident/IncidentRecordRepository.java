package dev.autopilot.reporting.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IncidentRecordRepository implements PanacheRepositoryBase<IncidentRecord, String> {

    /**
     * The record of an incident, created if no event has named it before, and locked until the transaction ends:
     * the consumers of different topics fold their events into it one after the other, never over each other.
     */
    public IncidentRecord lockOrCreate(String id) {
        getEntityManager().createNativeQuery("INSERT INTO incident_record (id) VALUES (?1) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id)
                .executeUpdate();
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The incident, once its {@code IncidentOpened} has arrived. */
    public Optional<IncidentRecord> findKnown(String id) {
        return find("id = ?1 and openedAt is not null", id).firstResultOptional();
    }

    /** Known incidents matching the query, newest first (by opening time, then id). */
    public List<IncidentRecord> search(IncidentQuery query) {
        List<String> where = new ArrayList<>(List.of("openedAt is not null"));
        Parameters parameters = new Parameters();
        if (query.status() != null) {
            where.add("status = :status");
            parameters.and("status", query.status());
        }
        if (query.severity() != null) {
            where.add("severity = :severity");
            parameters.and("severity", query.severity());
        }
        if (query.type() != null) {
            where.add("type = :type");
            parameters.and("type", query.type());
        }
        if (query.service() != null) {
            where.add("service = :service");
            parameters.and("service", query.service());
        }
        if (query.from() != null) {
            where.add("openedAt >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("openedAt < :to");
            parameters.and("to", query.to());
        }
        return find(String.join(" and ", where), Sort.descending("openedAt").and("id"), parameters)
                .range(query.offset(), query.offset() + query.limit() - 1)
                .list();
    }
}
