package dev.autopilot.notification.routing;

import java.util.List;
import java.util.Map;

/**
 * The routing table and the escalation policies as {@code GET /policies} shows them.
 *
 * @param rules         first match wins
 * @param defaultPolicy the policy of an incident no rule matches
 * @param lastResort    who stands in when nobody of a policy can be reached
 * @param policies      every policy with its steps
 */
public record PolicyView(List<Rule> rules, String defaultPolicy, String lastResort, List<Policy> policies) {

    /** A rule; absent criteria match any incident. */
    public record Rule(String severity, String type, String service, Map<String, String> labels, String policy) {
    }

    public record Policy(String name, List<Step> steps) {
    }

    /** A step: due {@code afterSeconds} after the policy started, if its condition holds. */
    public record Step(int number, long afterSeconds, String after, StepCondition condition,
            boolean requiresApproval, List<String> contacts) {
    }

    public static PolicyView from(Router router) {
        List<Rule> rules = router.rules().stream().map(r -> new Rule(
                r.severity() == null ? null : r.severity().name(), r.type(), r.service(), r.labels(),
                r.policy().name())).toList();
        List<Policy> policies = router.policies().values().stream()
                .map(p -> new Policy(p.name(), p.steps().stream().map(s -> new Step(s.number(),
                        s.after().getSeconds(), s.after().toString(), s.condition(), s.requiresApproval(),
                        s.contacts().stream().map(Contact::key).toList())).toList()))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        return new PolicyView(rules, router.defaultPolicy().name(), router.roster().lastResort().key(), policies);
    }
}
