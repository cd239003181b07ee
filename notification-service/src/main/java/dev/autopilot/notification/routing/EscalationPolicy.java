package dev.autopilot.notification.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is told about an incident, and when: steps, each notifying contacts a delay after the policy started (the
 * incident opened, or was escalated into this policy), if its condition still holds then. The runbook's table is
 * the default (P0: the DevOps Lead and the ops channel at once; P1: the ops channel, then the Backend Lead after 15
 * minutes if not resolved; ...).
 *
 * @param name  the policy's name in configuration ({@code p0}, {@code security})
 * @param steps the steps, in order; at least one
 */
public record EscalationPolicy(String name, List<Step> steps) {

    public EscalationPolicy {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " has no steps");
        }
    }

    /** The step paged as soon as the incident opens its policy. */
    public Step firstStep() {
        return steps.get(0);
    }

    /** The step numbered so (1-based). */
    public Step step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IllegalArgumentException("policy " + name + " has no step " + number);
        }
        return steps.get(number - 1);
    }

    /** The people of the policy, in the order its steps name them, each once: who stands in for whom. */
    public List<Contact> people() {
        List<Contact> people = new ArrayList<>();
        for (Step step : steps) {
            for (Contact contact : step.contacts()) {
                if (contact.isPerson() && !people.contains(contact)) {
                    people.add(contact);
                }
            }
        }
        return people;
    }

    /**
     * One step of a policy.
     *
     * @param number           1-based, as events and pages number it
     * @param after            how long after the policy started the step is due
     * @param condition        what must still hold then
     * @param requiresApproval its messages are prepared but wait for a person to approve them (a customer notice)
     * @param contacts         who is notified, at least one contact
     */
    public record Step(int number, Duration after, StepCondition condition, boolean requiresApproval,
            List<Contact> contacts) {

        public Step {
            contacts = List.copyOf(contacts);
            if (contacts.isEmpty()) {
                throw new IllegalArgumentException("step " + number + " notifies nobody");
            }
            if (after.isNegative()) {
                throw new IllegalArgumentException("step " + number + " is due before the incident opened");
            }
        }
    }
}
