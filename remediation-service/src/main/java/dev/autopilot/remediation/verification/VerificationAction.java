package dev.autopilot.remediation.verification;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.cloudwatch.CloudWatchAction;
import dev.autopilot.remediation.action.ecs.EcsAction;
import dev.autopilot.remediation.action.ecs.ServiceStability;
import dev.autopilot.remediation.action.elbv2.Elbv2Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a fix with fresh evidence: the ECS service stable, every target of its target group healthy, and, when the
 * incident came from an alarm, the alarm's metric back on the right side of its threshold. A step that verifies
 * waits (checks again) until all hold or its deadline passes; then it fails, and the remediation may undo the fix.
 */
@ApplicationScoped
public class VerificationAction implements Action {

    private final EcsAction ecs;
    private final Elbv2Action elb;
    private final CloudWatchAction cloudWatch;

    @Inject
    public VerificationAction(EcsAction ecs, Elbv2Action elb, CloudWatchAction cloudWatch) {
        this.ecs = ecs;
        this.elb = elb;
        this.cloudWatch = cloudWatch;
    }

    @Override
    public String service() {
        return "verification";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("VerifyFix", Effect.WAIT);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"VerifyFix".equals(call.operation())) {
            return ActionResult.failed("verification has no operation " + call.operation(), false);
        }
        Map<String, Object> request = call.parameters().asMap();
        if (!call.sendReads()) {
            return ActionResult.done("dry run: not checked (reads are off)").withRequest(request, false);
        }
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        try {
            ServiceStability.Verdict stable = ecs.stability(call.parameters().string("cluster"),
                    call.parameters().string("service"));
            evidence.put("service", stable.explanation());
            (stable.stable() ? passed : failed).add((stable.stable() ? "service stable (" : "service not stable (")
                    + stable.explanation() + ")");

            Elbv2Action.TargetsHealth health = elb.health(call.parameters().string("TargetGroupArn"));
            evidence.put("targets", health.targets());
            (health.allHealthy() ? passed : failed).add(health.summary());

            Optional<String> alarm = call.parameters().optionalString("AlarmName");
            if (alarm.isPresent()) {
                Check metric = metric(alarm.get(), call, evidence);
                (metric.holds() ? passed : failed).add(metric.text());
            }
        } catch (AwsRequests.Failed e) {
            return e.result().withRequest(request, true);
        }
        String report = String.join("; ", failed.isEmpty() ? passed : failed);
        if (!call.live()) {
            return ActionResult.done("dry run, not waited for: " + report).withEvidence(evidence).withRequest(request, true);
        }
        return (failed.isEmpty() ? ActionResult.done("verified: " + report)
                : ActionResult.pending("not verified yet: " + report))
                .withEvidence(evidence).withRequest(request, true);
    }

    /** One check's verdict, for people. */
    private record Check(boolean holds, String text) {
    }

    /** Whether the alarm's metric is back on the right side of its threshold. */
    private Check metric(String alarmName, ActionCall call, Map<String, Object> evidence) {
        Optional<CloudWatchAction.AlarmMetric> found = cloudWatch.alarmMetric(alarmName, call.now());
        if (found.isEmpty()) {
            evidence.put("alarm", alarmName + ": no such metric alarm, or one not compared with a single threshold");
            return new Check(true, "alarm " + alarmName + " has no threshold to check");
        }
        CloudWatchAction.AlarmMetric metric = found.get();
        if (metric.value().isEmpty()) {
            evidence.put("alarm", alarmName + ": no recent datapoint of " + metric.metric());
            return new Check(false, "no recent datapoint of " + metric.metric());
        }
        double value = metric.value().get();
        boolean breached = metric.threshold().breachedBy(value);
        String text = String.format(Locale.ROOT, "%s %s %.2f (%s %.2f)", metric.metric(),
                breached ? "still at" : "back to", value, metric.threshold().comparisonOperator(),
                metric.threshold().threshold());
        evidence.put("alarm", alarmName + ": " + text);
        return new Check(!breached, text);
    }
}
