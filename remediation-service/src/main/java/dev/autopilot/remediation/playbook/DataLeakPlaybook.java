package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/**
 * A suspected data leak ({@code data-loss}): save the bucket's current policy, then close the bucket with the
 * emergency deny-all policy; the break-glass principals stay allowed. Undo restores the saved policy (or removes the
 * deny policy when the bucket had none).
 *
 * @param target the managed service, with its bucket and break-glass principals
 */
public record DataLeakPlaybook(ManagedService target) implements Playbook {

    @Override
    public String name() {
        return "data-leak";
    }

    @Override
    public List<String> types() {
        return List.of("data-loss");
    }

    @Override
    public String target(Occasion occasion) {
        return "s3:" + bucketOf(occasion);
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        String bucket = bucketOf(occasion);
        return List.of(
                PlaybookStep.call("Save the bucket's current policy", "s3", "GetBucketPolicy",
                        "Bucket", bucket),
                PlaybookStep.call("Deny all access to the bucket but the break-glass principals", "s3",
                        "PutBucketPolicy",
                        "Bucket", bucket,
                        "Policy", EmergencyDenyPolicy.forBucket(bucket, target.breakGlassPrincipals()))
                        .changing("block-bucket"));
    }

    /** The bucket the incident names (label {@code bucket}), else the configured one. */
    private String bucketOf(Occasion occasion) {
        String named = occasion.label("bucket");
        return named == null || named.isBlank() ? target.bucket() : named;
    }
}
