package dev.autopilot.remediation.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** An audit record as the API shows it; the request as the JSON it is, the hashes that chain it. */
public record AuditView(
        long seq,
        String id,
        Instant recordedAt,
        String actor,
        String action,
        String remediationId,
        String incidentId,
        Integer stepOrder,
        String target,
        Object request,
        String outcome,
        String previousHash,
        String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static AuditView from(AuditRecord record) {
        return new AuditView(record.seq(), record.id().toString(), record.recordedAt(), record.actor(), record.action(),
                record.remediationId() == null ? null : record.remediationId().toString(),
                record.incidentId() == null ? null : record.incidentId().toString(), record.stepOrder(),
                record.target(), parse(record.request()), record.outcome(), record.previousHash(), record.hash());
    }

    private static Object parse(String request) {
        if (request == null) {
            return null;
        }
        try {
            return JSON.readTree(request);
        } catch (JsonProcessingException e) {
            return request;
        }
    }
}
