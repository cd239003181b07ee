package dev.autopilot.remediation.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends to the audit trail, in the caller's transaction: who or what, when, the request sent (secrets redacted,
 * as canonical JSON), the outcome, chained by hash to the record before. The records of a transaction are written
 * just before it commits, under a transaction advisory lock, so the chain has one order and the lock is held only
 * for the commit (never across an AWS call the transaction makes). The table refuses updates and deletes.
 */
@ApplicationScoped
public class AuditTrail {

    /** Who acts when no person does. */
    public static final String ENGINE = "remediation";

    private static final long CHAIN_LOCK = 0x61756469745f6368L;

    private static final String INSERT = """
            INSERT INTO audit_record (id, recorded_at, actor, action, remediation_id, incident_id, step_order, target,
                request, outcome, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public AuditTrail(EntityManager entityManager, DataSource dataSource,
            TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * What happened.
     *
     * @param actor         who or what ({@value #ENGINE}, or a person's principal)
     * @param action        what ({@code step 5 ecs UpdateService}, {@code approved step 5}, ...)
     * @param remediationId the remediation, if any
     * @param incidentId    its incident, if any
     * @param stepOrder     the step, if any
     * @param target        what was acted on
     * @param request       the request sent, if any; secrets are redacted here
     * @param outcome       what came of it
     */
    public record Fact(String actor, String action, UUID remediationId, UUID incidentId, Integer stepOrder,
            String target, Map<String, ?> request, String outcome) {
    }

    /** Appends the fact; it is written when the current transaction commits, and not at all if it rolls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void append(Fact fact, Instant now) {
        List<AuditChain.Entry> pending = (List<AuditChain.Entry>) transactions.getResource(this);
        if (pending == null) {
            List<AuditChain.Entry> entries = new ArrayList<>();
            transactions.putResource(this, entries);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(entries);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = entries;
        }
        pending.add(new AuditChain.Entry(UUID.randomUUID().toString(), now.truncatedTo(ChronoUnit.MICROS),
                fact.actor(), fact.action(), text(fact.remediationId()), text(fact.incidentId()), fact.stepOrder(),
                fact.target(), canonical(fact.request()), fact.outcome()));
    }

    /** Chains and inserts the transaction's entries, in order, after the last record of the trail. */
    private void write(List<AuditChain.Entry> entries) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT CAST(pg_advisory_xact_lock(?) AS TEXT)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            String previous = AuditChain.GENESIS;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT hash FROM audit_record ORDER BY seq DESC LIMIT 1");
                    ResultSet rows = last.executeQuery()) {
                if (rows.next()) {
                    previous = rows.getString(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditChain.Entry entry : entries) {
                    String hash = AuditChain.hash(previous, entry);
                    insert.setObject(1, UUID.fromString(entry.id()));
                    insert.setTimestamp(2, Timestamp.from(entry.recordedAt()));
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.action());
                    insert.setObject(5, uuid(entry.remediationId()));
                    insert.setObject(6, uuid(entry.incidentId()));
                    insert.setObject(7, entry.stepOrder(), Types.INTEGER);
                    insert.setString(8, entry.target());
                    insert.setString(9, entry.request());
                    insert.setString(10, entry.outcome());
                    insert.setString(11, previous);
                    insert.setString(12, hash);
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit trail: " + e.getMessage(), e);
        }
    }

    /** The records of an incident or a remediation (or both filters, or neither), in chain order. */
    public List<AuditRecord> search(UUID incidentId, UUID remediationId, int offset, int limit) {
        StringBuilder query = new StringBuilder("from AuditRecord where 1 = 1");
        if (incidentId != null) {
            query.append(" and incidentId = :incident");
        }
        if (remediationId != null) {
            query.append(" and remediationId = :remediation");
        }
        var typed = entityManager.createQuery(query.append(" order by seq").toString(), AuditRecord.class);
        if (incidentId != null) {
            typed.setParameter("incident", incidentId);
        }
        if (remediationId != null) {
            typed.setParameter("remediation", remediationId);
        }
        return typed.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * What checking the chain found.
     *
     * @param valid   whether every record holds
     * @param records how many records were checked
     * @param broken  where the chain breaks first, if it does
     */
    public record Verification(boolean valid, long records, Optional<AuditChain.Break> broken) {
    }

    /** Checks the whole chain, page by page, from its first record. */
    public Verification verify(int pageSize) {
        String previous = AuditChain.GENESIS;
        long checked = 0;
        long afterSeq = 0;
        while (true) {
            List<AuditChain.Link> page = entityManager
                    .createQuery("from AuditRecord where seq > :after order by seq", AuditRecord.class)
                    .setParameter("after", afterSeq).setMaxResults(pageSize).getResultList().stream()
                    .map(AuditRecord::link).toList();
            if (page.isEmpty()) {
                return new Verification(true, checked, Optional.empty());
            }
            Optional<AuditChain.Break> broken = AuditChain.verify(previous, page);
            if (broken.isPresent()) {
                long before = page.stream().takeWhile(link -> link.seq() < broken.get().seq()).count();
                return new Verification(false, checked + before + 1, broken);
            }
            checked += page.size();
            previous = page.get(page.size() - 1).hash();
            afterSeq = page.get(page.size() - 1).seq();
        }
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String canonical(Map<String, ?> request) {
        if (request == null || request.isEmpty()) {
            return null;
        }
        try {
            return CANONICAL.writeValueAsString(Redaction.redact(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request as JSON", e);
        }
    }
}
