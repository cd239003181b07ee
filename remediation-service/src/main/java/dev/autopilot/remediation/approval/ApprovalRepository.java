package dev.autopilot.remediation.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The requests for approval. */
@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<Approval, UUID> {

    public Optional<Approval> findByStep(UUID stepId) {
        return find("stepId", stepId).firstResultOptional();
    }

    public List<Approval> ofRemediation(UUID remediationId) {
        return find("remediationId", Sort.ascending("requestedAt"), remediationId).list();
    }

    /** Oldest first, of one status when it is given. */
    public List<Approval> search(ApprovalStatus status, int offset, int limit) {
        Sort oldestFirst = Sort.ascending("requestedAt").and("id");
        var query = status == null ? findAll(oldestFirst) : find("status", oldestFirst, status);
        return query.range(offset, offset + limit - 1).list();
    }
}
