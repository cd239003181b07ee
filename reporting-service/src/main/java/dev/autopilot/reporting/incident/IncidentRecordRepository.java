package dev.autopilot.reporting.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Known incidents matching the query, in its order (then newest first, then by id). */
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
        if (query.text() != null) {
            where.add("(lower(title) like :text escape '\\' or lower(fingerprint) like :text escape '\\'"
                    + " or lower(id) like :text escape '\\' or lower(type) like :text escape '\\'"
                    + " or lower(service) like :text escape '\\')");
            parameters.and("text", "%" + query.text().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        // The page's ids first, then only those records, in one statement (one snapshot). With an offset the
        // database reads and drops every row before the page; reading ids (from an index alone where one fits)
        // instead of whole records makes a deep page several times cheaper.
        String order = orderBy(query.sort());
        parameters.and("offset", query.offset()).and("limit", query.limit());
        return find("from IncidentRecord where id in (select id from IncidentRecord where "
                + String.join(" and ", where) + " order by " + order
                + " offset :offset rows fetch first :limit rows only) order by " + order, parameters)
                .list();
    }

    /** Known incidents not resolved, most severe first, then oldest first. */
    public List<IncidentRecord> unresolved(int limit) {
        return find("openedAt is not null and status <> ?1", Sort.ascending("severity", "openedAt", "id"),
                IncidentStatus.RESOLVED).range(0, limit - 1).list();
    }

    /** Known incidents opened in [from, to). */
    public List<IncidentRecord> openedBetween(Instant from, Instant to) {
        return list("openedAt >= ?1 and openedAt < ?2", Sort.ascending("openedAt", "id"), from, to);
    }

    /** The query's order, then newest first, then by id: a total order, so pages neither overlap nor skip. */
    private static String orderBy(IncidentQuery.Sort sort) {
        String order = sort.field().property() + (sort.descending() ? " desc" : "");
        if (sort.field() != IncidentQuery.SortField.OPENED_AT) {
            order += ", openedAt desc";
        }
        return order + ", id";
    }
}
