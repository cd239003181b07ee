package dev.autopilot.remediation.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of the audit trail: each entry's hash covers its content and the hash of the entry before it,
 * so changing, removing or reordering an entry breaks every hash after it.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * What an entry says, as hashed. Times are hashed to the microsecond, as the database keeps them.
     *
     * @param id            the entry's id
     * @param recordedAt    when
     * @param actor         who or what: a person's principal, {@code remediation} for the engine
     * @param action        what happened ({@code step UpdateService}, {@code approved}, ...)
     * @param remediationId the remediation, if any
     * @param incidentId    the incident, if any
     * @param stepOrder     the step's position, if any
     * @param target        the target acted on, if any
     * @param request       the request sent, as canonical JSON with secrets redacted, if any
     * @param outcome       what came of it
     */
    public record Entry(String id, Instant recordedAt, String actor, String action, String remediationId,
            String incidentId, Integer stepOrder, String target, String request, String outcome) {
    }

    /**
     * An entry with its place in the chain.
     *
     * @param seq          its position
     * @param entry        its content
     * @param previousHash the hash of the entry before it
     * @param hash         its own hash
     */
    public record Link(long seq, Entry entry, String previousHash, String hash) {
    }

    /** The hash of an entry that follows the one whose hash is {@code previousHash}. */
    public static String hash(String previousHash, Entry entry) {
        String canonical = String.join("\n",
                previousHash,
                entry.id(),
                String.valueOf(entry.recordedAt().getEpochSecond()),
                String.valueOf(entry.recordedAt().getNano() / 1_000),
                text(entry.actor()),
                text(entry.action()),
                text(entry.remediationId()),
                text(entry.incidentId()),
                entry.stepOrder() == null ? "" : entry.stepOrder().toString(),
                text(entry.target()),
                text(entry.request()),
                text(entry.outcome()));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a chain is broken.
     *
     * @param seq    the first link that does not hold
     * @param reason what is wrong with it
     */
    public record Break(long seq, String reason) {
    }

    /**
     * Checks consecutive links, the first of which follows a link whose hash is {@code previousHash} (the
     * {@link #GENESIS} for the start of the trail); empty when every link holds.
     */
    public static Optional<Break> verify(String previousHash, List<Link> links) {
        String expectedPrevious = previousHash;
        for (Link link : links) {
            if (!link.previousHash().equals(expectedPrevious)) {
                return Optional.of(new Break(link.seq(),
                        "its previous hash is not the hash of the record before it (a record was removed or changed)"));
            }
            if (!hash(link.previousHash(), link.entry()).equals(link.hash())) {
                return Optional.of(new Break(link.seq(), "its content does not match its hash (it was changed)"));
            }
            expectedPrevious = link.hash();
        }
        return Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
