package dev.autopilot.remediation.action.s3;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsFailures;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.StepCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Amazon S3: a bucket's policy, saved and replaced (the emergency deny-all of a suspected data leak). The policy a
 * change replaced is kept: undo puts it back, or deletes the bucket policy when there was none.
 */
@ApplicationScoped
public class S3Action implements Action {

    /** The fact under which the policy a bucket had is saved: {@code bucketPolicy.<bucket>}. */
    public static final String SAVED_POLICY = "bucketPolicy.";

    private final S3Client s3;

    @Inject
    public S3Action(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of(
                "GetBucketPolicy", Effect.READ,
                "PutBucketPolicy", Effect.CHANGE,
                "DeleteBucketPolicy", Effect.CHANGE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        try {
            return switch (call.operation()) {
                case "GetBucketPolicy" -> getPolicy(call);
                case "PutBucketPolicy" -> putPolicy(call);
                case "DeleteBucketPolicy" -> deletePolicy(call);
                default -> ActionResult.failed("s3 has no operation " + call.operation(), false);
            };
        } catch (AwsRequests.Failed failed) {
            return failed.result();
        }
    }

    private ActionResult getPolicy(ActionCall call) {
        String bucket = call.parameters().string("Bucket");
        GetBucketPolicyRequest request = GetBucketPolicyRequest.builder().bucket(bucket).build();
        if (!call.sendReads()) {
            return ActionResult.done("dry run: not sent (reads are off)").withRequest(AwsRequests.fields(request), false);
        }
        Map<String, Object> saved = read(bucket);
        boolean exists = Boolean.TRUE.equals(saved.get("exists"));
        return ActionResult.done(exists ? "saved the bucket's policy" : "the bucket has no policy")
                .withFacts(Map.of(SAVED_POLICY + bucket, saved))
                .withEvidence(saved)
                .withRequest(AwsRequests.fields(request), true);
    }

    private ActionResult putPolicy(ActionCall call) {
        String bucket = call.parameters().string("Bucket");
        PutBucketPolicyRequest request = PutBucketPolicyRequest.builder()
                .bucket(bucket)
                .policy(call.parameters().string("Policy"))
                .build();
        Map<String, Object> before = call.replacedEarlier() != null ? call.replacedEarlier() : savedPolicy(call, bucket);
        ActionResult result = AwsRequests.change(call, "replace the policy of " + bucket, request, s3::putBucketPolicy,
                response -> ActionResult.done("replaced the policy of " + bucket));
        if (before == null || !call.live() || !result.sent()) {
            return result;
        }
        // kept when the answer was lost too: the policy may have been replaced, and the next attempt must not take
        // the new one for the one it replaced
        StepCall undo = Boolean.TRUE.equals(before.get("exists"))
                ? new StepCall(service(), "PutBucketPolicy", Map.of("Bucket", bucket, "Policy", before.get("policy")))
                : new StepCall(service(), "DeleteBucketPolicy", Map.of("Bucket", bucket));
        return result.withUndo(before, undo);
    }

    private ActionResult deletePolicy(ActionCall call) {
        String bucket = call.parameters().string("Bucket");
        DeleteBucketPolicyRequest request = DeleteBucketPolicyRequest.builder().bucket(bucket).build();
        return AwsRequests.change(call, "delete the policy of " + bucket, request, s3::deleteBucketPolicy,
                response -> ActionResult.done("deleted the policy of " + bucket));
    }

    /** The policy saved by an earlier step of the remediation, else the bucket's policy read now (if reads are on). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> savedPolicy(ActionCall call, String bucket) {
        Object saved = call.facts().get(SAVED_POLICY + bucket);
        if (saved instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return call.sendReads() ? read(bucket) : null;
    }

    /** {@code exists} and {@code policy}: the bucket's policy now; throws {@link AwsRequests.Failed} on a failure. */
    private Map<String, Object> read(String bucket) {
        GetBucketPolicyRequest request = GetBucketPolicyRequest.builder().bucket(bucket).build();
        Map<String, Object> saved = new LinkedHashMap<>();
        try {
            saved.put("exists", true);
            saved.put("policy", s3.getBucketPolicy(request).policy());
        } catch (S3Exception e) {
            if (e.awsErrorDetails() == null || !"NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
                throw new AwsRequests.Failed(AwsFailures.of(e).withRequest(AwsRequests.fields(request), true));
            }
            saved.put("exists", false);
            saved.remove("policy");
        } catch (SdkException e) {
            throw new AwsRequests.Failed(AwsFailures.of(e).withRequest(AwsRequests.fields(request), true));
        }
        return saved;
    }
}
