package dev.autopilot.notification.routing;

import java.time.Duration;
import java.util.List;

/**
 * Who is paged about an incident, and when: steps, each notifying contacts a delay after the incident opened.
 * The runbook's table is the default (P0: the DevOps Lead and the ops channel at once; P1: the ops channel, then
 * the Backend Lead after 15 minutes; ...). This version pages the first step; later steps are read and checked.
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

    /**
     * One step of a policy.
     *
     * @param number 1-based, as events and pages number it
     * @param after  how long after the incident opened the step is due
     * @param contacts who is paged, at least one contact
     */
    public record Step(int number, Duration after, List<Contact> contacts) {

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
