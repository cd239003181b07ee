package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import dev.autopilot.support.aws.AwsClients;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** ELBv2 {@code DescribeTargetHealth} of the managed target group: healthy and unhealthy targets, and why. */
@Singleton // not a client proxy: it extends ConfiguredCheck, which has no no-args constructor
public class TargetHealthCheck extends ConfiguredCheck {

    private final ManagedServiceConfig managed;
    private final Supplier<ElasticLoadBalancingV2Client> elb;

    @Inject
    public TargetHealthCheck(ChecksConfig checks, ManagedServiceConfig managed, AwsClients aws) {
        super(checks.targetHealth());
        this.managed = managed;
        this.elb = aws.lazily(ElasticLoadBalancingV2Client::builder);
    }

    @Override
    public String name() {
        return "target-health";
    }

    @Override
    public List<SignalReceived> run(Instant now) {
        List<TargetHealthDescription> targets = elb.get()
                .describeTargetHealth(r -> r.targetGroupArn(managed.targetGroupArn())).targetHealthDescriptions();
        long healthy = targets.stream().filter(t -> t.targetHealth().state() == TargetHealthStateEnum.HEALTHY).count();
        long unhealthy = targets.stream().filter(t -> t.targetHealth().state() == TargetHealthStateEnum.UNHEALTHY).count();
        TreeSet<String> reasons = new TreeSet<>();
        targets.stream().filter(t -> t.targetHealth().state() != TargetHealthStateEnum.HEALTHY)
                .forEach(t -> reasons.add(String.valueOf(t.targetHealth().reasonAsString())));
        Map<String, String> labels = Map.of("targetGroupArn", managed.targetGroupArn(),
                "targets", Integer.toString(targets.size()), "reasons", String.join(",", reasons));
        String subject = managed.targetGroupArn();
        return List.of(
                Samples.of(name(), subject, "healthyTargets", managed.service(), healthy, healthy == 0,
                        "target group of " + managed.service() + ": " + healthy + " healthy targets", labels, now),
                Samples.of(name(), subject, "unhealthyTargets", managed.service(), unhealthy, unhealthy > 0,
                        "target group of " + managed.service() + ": " + unhealthy + " unhealthy targets", labels, now));
    }

}
