package dev.autopilot.remediation.run;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The remediations, newest first where there are several. */
@ApplicationScoped
public class RemediationRepository implements PanacheRepositoryBase<Remediation, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("plannedAt").and("id");

    /** The remediation of an incident; there is at most one (a unique constraint says so). */
    public Optional<Remediation> findByIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }

    /** Newest first, of one incident when it is given. */
    public List<Remediation> search(UUID incidentId, int offset, int limit) {
        PanacheQuery<Remediation> query = incidentId == null
                ? findAll(NEWEST_FIRST)
                : find("incidentId", NEWEST_FIRST, incidentId);
        return query.range(offset, offset + limit - 1).list();
    }
}
