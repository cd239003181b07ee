package dev.autopilot.remediation.action.elbv2;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** Elastic Load Balancing v2: the health of a target group's targets. */
@ApplicationScoped
public class Elbv2Action implements Action {

    private final ElasticLoadBalancingV2Client elb;

    @Inject
    public Elbv2Action(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    @Override
    public String service() {
        return "elbv2";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("DescribeTargetHealth", Effect.READ);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"DescribeTargetHealth".equals(call.operation())) {
            return ActionResult.failed("elbv2 has no operation " + call.operation(), false);
        }
        DescribeTargetHealthRequest request = request(call.parameters().string("TargetGroupArn"));
        return AwsRequests.read(call, request, elb::describeTargetHealth, response -> {
            TargetsHealth health = TargetsHealth.of(response);
            return ActionResult.done(health.summary())
                    .withFacts(Map.of("healthyTargets", health.healthy(), "targets", health.total()))
                    .withEvidence(Map.of("targets", health.targets()));
        });
    }

    /** The health of a target group's targets now; throws {@link AwsRequests.Failed} when it cannot be read. */
    public TargetsHealth health(String targetGroupArn) {
        return TargetsHealth.of(AwsRequests.fetch(request(targetGroupArn), elb::describeTargetHealth));
    }

    private static DescribeTargetHealthRequest request(String targetGroupArn) {
        return DescribeTargetHealthRequest.builder().targetGroupArn(targetGroupArn).build();
    }

    /**
     * How many of a target group's targets are healthy.
     *
     * @param healthy how many are healthy
     * @param total   how many there are
     * @param targets each target's id, port, state and reason
     */
    public record TargetsHealth(int healthy, int total, List<Map<String, Object>> targets) {

        static TargetsHealth of(DescribeTargetHealthResponse response) {
            List<TargetHealthDescription> descriptions = response.targetHealthDescriptions();
            int healthy = (int) descriptions.stream()
                    .filter(d -> "healthy".equals(d.targetHealth().stateAsString())).count();
            return new TargetsHealth(healthy, descriptions.size(), descriptions.stream().map(d -> {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("id", d.target().id());
                target.put("port", d.target().port());
                target.put("state", d.targetHealth().stateAsString());
                target.put("reason", d.targetHealth().reasonAsString());
                return target;
            }).toList());
        }

        /** Every target healthy, and at least one. */
        public boolean allHealthy() {
            return total > 0 && healthy == total;
        }

        public String summary() {
            return healthy + " of " + total + (total == 1 ? " target" : " targets") + " healthy";
        }
    }
}
