package dev.autopilot.notification.routing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the router from configuration once, at start-up: a contact, policy or rule that does not add up stops the
 * start with a message naming its configuration key.
 */
public class RouterProducer {

    private static final String PREFIX = "notification.routing.";

    @Produces
    @Singleton
    Router router(RoutingConfig config) {
        return build(config);
    }

    /** The router the configuration describes. */
    public static Router build(RoutingConfig config) {
        Map<String, Contact> contacts = new LinkedHashMap<>();
        new TreeMap<>(config.contacts()).forEach((key, contact) -> contacts.put(key, contact(key, contact)));
        Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
        new TreeMap<>(config.policies()).forEach((name, policy) -> policies.put(name, policy(name, policy, contacts)));
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < config.rules().size(); i++) {
            RoutingConfig.RuleConfig rule = config.rules().get(i);
            rules.add(new RoutingRule(rule.severity().orElse(null), rule.type().orElse(null),
                    rule.service().orElse(null), rule.labels(),
                    named(policies, rule.policy(), "rules[" + i + "].policy")));
        }
        Contact lastResort = contacts.get(config.lastResort());
        if (lastResort == null) {
            throw invalid("last-resort", "no contact '" + config.lastResort() + "'; known: " + contacts.keySet());
        }
        if (!lastResort.hours().isAlways()) {
            throw invalid("last-resort", "the last resort must be reachable 24/7, not " + lastResort.hours());
        }
        return new Router(rules, named(policies, config.defaultPolicy(), "default-policy"), policies,
                new Roster(List.copyOf(contacts.values()), lastResort));
    }

    private static Contact contact(String key, RoutingConfig.ContactConfig config) {
        OnCallHours hours;
        try {
            hours = OnCallHours.parse(config.hours());
        } catch (IllegalArgumentException e) {
            throw invalid("contacts." + key + ".hours", e.getMessage());
        }
        try {
            return new Contact(key, config.name(), config.role(), config.kind(), hours,
                    config.channels().stream().map(ContactChannel::parse).toList());
        } catch (IllegalArgumentException e) {
            throw invalid("contacts." + key + ".channels", e.getMessage());
        }
    }

    private static EscalationPolicy policy(String name, RoutingConfig.PolicyConfig config,
            Map<String, Contact> contacts) {
        List<EscalationPolicy.Step> steps = new ArrayList<>();
        for (int i = 0; i < config.steps().size(); i++) {
            RoutingConfig.StepConfig step = config.steps().get(i);
            String key = "policies." + name + ".steps[" + i + "]";
            List<Contact> stepContacts = new ArrayList<>();
            for (String contact : step.contacts()) {
                Contact found = contacts.get(contact.trim());
                if (found == null) {
                    throw invalid(key + ".contacts", "no contact '" + contact + "'; known: " + contacts.keySet());
                }
                stepContacts.add(found);
            }
            try {
                steps.add(new EscalationPolicy.Step(i + 1, step.after(), step.condition(), step.requiresApproval(),
                        stepContacts));
            } catch (IllegalArgumentException e) {
                throw invalid(key, e.getMessage());
            }
        }
        try {
            return new EscalationPolicy(name, steps);
        } catch (IllegalArgumentException e) {
            throw invalid("policies." + name + ".steps", e.getMessage());
        }
    }

    private static EscalationPolicy named(Map<String, EscalationPolicy> policies, String name, String key) {
        EscalationPolicy policy = policies.get(name);
        if (policy == null) {
            throw invalid(key, "no policy '" + name + "'; known: " + policies.keySet());
        }
        return policy;
    }

    private static IllegalArgumentException invalid(String key, String message) {
        return new IllegalArgumentException(PREFIX + key + ": " + message);
    }
}
