package dev.autopilot.remediation.action.secretsmanager;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.StepCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * AWS Secrets Manager: rotates a secret (the API keys on suspicious activity) with the step's idempotency token as
 * its {@code ClientRequestToken}, so an attempt repeated after a restart does not rotate twice. The version that was
 * current is kept: undo moves {@code AWSCURRENT} back to it. Secret values are never read nor recorded.
 */
@ApplicationScoped
public class SecretsManagerAction implements Action {

    private static final String CURRENT = "AWSCURRENT";

    private final SecretsManagerClient secrets;

    @Inject
    public SecretsManagerAction(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("RotateSecret", Effect.CHANGE, "UpdateSecretVersionStage", Effect.CHANGE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        try {
            return switch (call.operation()) {
                case "RotateSecret" -> rotate(call);
                case "UpdateSecretVersionStage" -> moveStage(call);
                default -> ActionResult.failed("secretsmanager has no operation " + call.operation(), false);
            };
        } catch (AwsRequests.Failed failed) {
            return failed.result();
        }
    }

    private ActionResult rotate(ActionCall call) {
        String secretId = call.parameters().string("SecretId");
        RotateSecretRequest request = RotateSecretRequest.builder()
                .secretId(secretId)
                .clientRequestToken(call.idempotencyToken())
                .rotateImmediately(call.parameters().optionalBoolean("RotateImmediately").orElse(null))
                .build();
        // an earlier attempt whose answer was lost may have rotated it already: the version it found is the one
        Optional<String> previous = call.replacedEarlier() != null
                ? Optional.ofNullable((String) call.replacedEarlier().get("currentVersion"))
                : call.sendReads() ? currentVersion(secretId) : Optional.empty();
        ActionResult result = AwsRequests.change(call, "rotate " + secretId, request, secrets::rotateSecret,
                response -> ActionResult.done("rotated " + response.name() + " to version " + response.versionId())
                        .withFacts(Map.of("secretVersion", response.versionId())));
        if (previous.isEmpty() || !call.live() || !result.sent()) {
            return result;
        }
        if (result.status() != ActionResult.Status.DONE) {
            // the new version is not known yet (the token makes the next attempt answer with it)
            return result.withUndo(Map.of("currentVersion", previous.get()), null);
        }
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("SecretId", secretId);
        restore.put("VersionStage", CURRENT);
        restore.put("MoveToVersionId", previous.get());
        restore.put("RemoveFromVersionId", result.facts().get("secretVersion"));
        return result.withUndo(Map.of("currentVersion", previous.get()),
                new StepCall(service(), "UpdateSecretVersionStage", restore));
    }

    private ActionResult moveStage(ActionCall call) {
        UpdateSecretVersionStageRequest request = UpdateSecretVersionStageRequest.builder()
                .secretId(call.parameters().string("SecretId"))
                .versionStage(call.parameters().string("VersionStage"))
                .moveToVersionId(call.parameters().optionalString("MoveToVersionId").orElse(null))
                .removeFromVersionId(call.parameters().optionalString("RemoveFromVersionId").orElse(null))
                .build();
        String what = request.versionStage() + " of " + request.secretId() + " to version "
                + request.moveToVersionId();
        return AwsRequests.change(call, "move " + what, request, secrets::updateSecretVersionStage,
                response -> ActionResult.done("moved " + what));
    }

    /** The version that carries {@code AWSCURRENT} now (DescribeSecret reads no secret value). */
    private Optional<String> currentVersion(String secretId) {
        Map<String, List<String>> stages = AwsRequests.fetch(DescribeSecretRequest.builder().secretId(secretId).build(),
                secrets::describeSecret).versionIdsToStages();
        return stages.entrySet().stream().filter(e -> e.getValue().contains(CURRENT)).map(Map.Entry::getKey)
                .findFirst();
    }
}
