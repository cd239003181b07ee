package dev.autopilot.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** The newest reports first, of one kind or of all. */
    public List<Report> latest(ReportKind kind, int limit) {
        Sort order = Sort.descending("createdAt", "id");
        return (kind == null ? findAll(order) : find("kind", order, kind.id())).range(0, limit - 1).list();
    }

    public Optional<Report> byId(String id) {
        try {
            return findByIdOptional(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How many reports of the kind cover the period starting then. */
    public long count(ReportKind kind, Instant periodStart) {
        return count("kind = ?1 and periodStart = ?2", kind.id(), periodStart);
    }
}
