package dev.autopilot.remediation.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One record of the audit trail, as read back; records are only ever added, by {@link AuditTrail}. */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long seq;

    private UUID id;

    private Instant recordedAt;

    private String actor;

    private String action;

    private UUID remediationId;

    private UUID incidentId;

    private Integer stepOrder;

    private String target;

    private String request;

    private String outcome;

    private String previousHash;

    private String hash;

    protected AuditRecord() {
    }

    /** The record as the chain hashes it. */
    public AuditChain.Link link() {
        return new AuditChain.Link(seq, new AuditChain.Entry(id.toString(), recordedAt, actor, action,
                remediationId == null ? null : remediationId.toString(),
                incidentId == null ? null : incidentId.toString(), stepOrder, target, request, outcome),
                previousHash, hash);
    }

    public long seq() {
        return seq;
    }

    public UUID id() {
        return id;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public UUID remediationId() {
        return remediationId;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public Integer stepOrder() {
        return stepOrder;
    }

    public String target() {
        return target;
    }

    public String request() {
        return request;
    }

    public String outcome() {
        return outcome;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
