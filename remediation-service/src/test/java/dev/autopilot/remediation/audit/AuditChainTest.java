package dev.autopilot.remediation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audit trail's hash chain: any change, removal or reordering shows; and what redaction hides. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-26T05:12:41.123456Z");

    @Test
    void anIntactChainHolds() {
        assertThat(AuditChain.verify(AuditChain.GENESIS, chain(5))).isEmpty();
        assertThat(AuditChain.verify(AuditChain.GENESIS, List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0} record 3 -> broken at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            change the outcome of   | 3 | its content does not match its hash (it was changed)
            change the actor of     | 3 | its content does not match its hash (it was changed)
            remove                  | 4 | its previous hash is not the hash of the record before it (a record was removed or changed)
            swap with record 4      | 4 | its previous hash is not the hash of the record before it (a record was removed or changed)
            rehash alone            | 4 | its previous hash is not the hash of the record before it (a record was removed or changed)
            """)
    void tamperingShowsWhereItHappened(String tampering, long brokenAt, String reason) {
        List<AuditChain.Link> links = new ArrayList<>(chain(5));
        AuditChain.Link third = links.get(2);
        AuditChain.Entry e = third.entry();
        switch (tampering) {
            case "change the outcome of" -> links.set(2, new AuditChain.Link(3, new AuditChain.Entry(e.id(),
                    e.recordedAt(), e.actor(), e.action(), e.remediationId(), e.incidentId(), e.stepOrder(), e.target(),
                    e.request(), "SUCCEEDED"), third.previousHash(), third.hash()));
            case "change the actor of" -> links.set(2, new AuditChain.Link(3, new AuditChain.Entry(e.id(),
                    e.recordedAt(), "admin", e.action(), e.remediationId(), e.incidentId(), e.stepOrder(), e.target(),
                    e.request(), e.outcome()), third.previousHash(), third.hash()));
            case "remove" -> links.remove(2);
            case "swap with record 4" -> {
                links.set(2, links.get(3));
                links.set(3, third);
            }
            default -> {
                AuditChain.Entry forged = new AuditChain.Entry(e.id(), e.recordedAt(), e.actor(), e.action(),
                        e.remediationId(), e.incidentId(), e.stepOrder(), e.target(), e.request(), "forged");
                links.set(2, new AuditChain.Link(3, forged, third.previousHash(),
                        AuditChain.hash(third.previousHash(), forged)));
            }
        }

        Optional<AuditChain.Break> broken = AuditChain.verify(AuditChain.GENESIS, links);

        assertThat(broken).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(brokenAt);
            assertThat(b.reason()).isEqualTo(reason);
        });
    }

    @Test
    void theHashCoversTimeToTheMicrosecondAndEveryField() {
        AuditChain.Entry entry = entry(1, "DONE");
        String hash = AuditChain.hash(AuditChain.GENESIS, entry);

        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, entry(1, "DONE")));
        assertThat(AuditChain.hash(AuditChain.GENESIS, new AuditChain.Entry(entry.id(), AT.plusNanos(1000),
                entry.actor(), entry.action(), null, null, 1, null, null, "DONE"))).isNotEqualTo(hash);
        assertThat(AuditChain.hash("f".repeat(64), entry)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, new AuditChain.Entry(entry.id(), AT, entry.actor(),
                entry.action(), null, null, 1, null, null, "DONE\n"))).isNotEqualTo(hash);
    }

    @ParameterizedTest(name = "{0} redacted: {1}")
    @CsvSource({"SecretString, true", "Authorization, true", "api_key, true", "X-Token, false", "token, true",
            "SecretId, false", "Policy, false", "ClientRequestToken, false", "session-token, true"})
    void secretsAreRedactedByName(String name, boolean redacted) {
        Map<String, Object> out = Redaction.redact(Map.of(name, "value", "nested", Map.of(name, "value"),
                "list", List.of(Map.of(name, "value"))));

        Object expected = redacted ? Redaction.REDACTED : "value";
        assertThat(out.get(name)).isEqualTo(expected);
        assertThat(((Map<?, ?>) out.get("nested")).get(name)).isEqualTo(expected);
        assertThat(((Map<?, ?>) ((List<?>) out.get("list")).get(0)).get(name)).isEqualTo(expected);
    }

    private static List<AuditChain.Link> chain(int length) {
        List<AuditChain.Link> links = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditChain.Entry entry = entry(i, "DONE: step " + i);
            String hash = AuditChain.hash(previous, entry);
            links.add(new AuditChain.Link(i, entry, previous, hash));
            previous = hash;
        }
        return links;
    }

    private static AuditChain.Entry entry(int i, String outcome) {
        return new AuditChain.Entry("00000000-0000-0000-0000-00000000000" + i, AT, "remediation", "step " + i,
                "8e2d3b0a-51a4-4c62-8b1b-6f0c2b9c1d33", "0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77", i,
                "ecs:prod/web", "{\"cluster\":\"prod\"}", outcome);
    }
}
