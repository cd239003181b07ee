package dev.autopilot.notification.routing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Contact> contacts = new HashMap<>();
        config.contacts().forEach((key, contact) -> {
            try {
                contacts.put(key, new Contact(key, contact.name(), contact.role(), contact.kind(),
                        OnCallHours.parse(contact.hours())));
            } catch (IllegalArgumentException e) {
                throw invalid("contacts." + key + ".hours", e.getMessage());
            }
        });
        Map<String, EscalationPolicy> policies = new HashMap<>();
        config.policies().forEach((name, policy) -> policies.put(name, policy(name, policy, contacts)));
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < config.rules().size(); i++) {
            RoutingConfig.RuleConfig rule = config.rules().get(i);
            rules.add(new RoutingRule(rule.severity().orElse(null), rule.type().orElse(null),
                    named(policies, rule.policy(), "rules[" + i + "].policy")));
        }
        return new Router(rules, named(policies, config.defaultPolicy(), "default-policy"));
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
                steps.add(new EscalationPolicy.Step(i + 1, step.after(), stepContacts));
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
