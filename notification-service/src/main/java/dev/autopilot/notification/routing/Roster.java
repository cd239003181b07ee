package dev.autopilot.notification.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who can be reached when. A person outside their hours is replaced by the next reachable person of the policy
 * (in the order its steps name them, starting after the absent one), and by the last resort (the 24/7 DevOps Lead)
 * when none is; a channel is always read.
 */
public final class Roster {

    private final Map<String, Contact> contacts;
    private final Contact lastResort;

    /** The contacts in configuration order, and the one who stands in when nobody else can. */
    public Roster(List<Contact> contacts, Contact lastResort) {
        Map<String, Contact> byKey = new LinkedHashMap<>();
        contacts.forEach(contact -> byKey.put(contact.key(), contact));
        this.contacts = byKey;
        this.lastResort = Objects.requireNonNull(lastResort, "lastResort");
    }

    /** Who a step notifies at an instant: each contact, or who stands in for them. */
    public Assignment assign(EscalationPolicy policy, EscalationPolicy.Step step, Instant at) {
        Map<String, Recipient> paged = new LinkedHashMap<>();
        List<Absence> absent = new ArrayList<>();
        for (Contact contact : step.contacts()) {
            if (!contact.isPerson() || contact.hours().covers(at)) {
                paged.putIfAbsent(contact.key(), new Recipient(contact, null));
                continue;
            }
            Optional<Contact> standIn = standInFor(policy, contact, at);
            if (standIn.isEmpty()) {
                absent.add(new Absence(contact, null));
            } else if (paged.containsKey(standIn.get().key()) || step.contacts().contains(standIn.get())) {
                // the one who would stand in is notified by this step anyway
                absent.add(new Absence(contact, standIn.get()));
            } else {
                paged.put(standIn.get().key(), new Recipient(standIn.get(), contact));
            }
        }
        return new Assignment(List.copyOf(paged.values()), absent);
    }

    /** The next reachable person of the policy after the absent one, else the last resort if reachable. */
    public Optional<Contact> standInFor(EscalationPolicy policy, Contact absent, Instant at) {
        List<Contact> people = policy.people();
        int start = people.indexOf(absent);
        for (int i = 1; i <= people.size(); i++) {
            Contact candidate = people.get(Math.floorMod(start + i, people.size()));
            if (!candidate.equals(absent) && candidate.hours().covers(at)) {
                return Optional.of(candidate);
            }
        }
        return !lastResort.equals(absent) && lastResort.hours().covers(at) ? Optional.of(lastResort)
                : Optional.empty();
    }

    /** Every contact by role, in configuration order, with whether they can be reached at the instant. */
    public List<RoleOnCall> onCall(Instant at) {
        Map<String, List<Contact>> byRole = new LinkedHashMap<>();
        contacts.values().forEach(c -> byRole.computeIfAbsent(c.role(), r -> new ArrayList<>()).add(c));
        List<RoleOnCall> roles = new ArrayList<>();
        byRole.forEach((role, members) -> {
            List<Contact> reachable = members.stream().filter(c -> !c.isPerson() || c.hours().covers(at)).toList();
            Contact standIn = reachable.isEmpty() && lastResort.hours().covers(at) ? lastResort : null;
            roles.add(new RoleOnCall(role, members, reachable, standIn));
        });
        return roles;
    }

    public Optional<Contact> contact(String key) {
        return Optional.ofNullable(contacts.get(key));
    }

    public List<Contact> contacts() {
        return List.copyOf(contacts.values());
    }

    public Contact lastResort() {
        return lastResort;
    }

    /**
     * Who a step notifies.
     *
     * @param recipients who gets a message, each once
     * @param absent     contacts outside their hours who are not notified (their stand-in is, unless nobody can)
     */
    public record Assignment(List<Recipient> recipients, List<Absence> absent) {
    }

    /**
     * A contact notified by a step.
     *
     * @param contact   who
     * @param replacing the contact of the step they stand in for, outside their hours; null when none
     */
    public record Recipient(Contact contact, Contact replacing) {
    }

    /**
     * A contact of a step not notified because they are outside their hours.
     *
     * @param contact the absent contact
     * @param coveredBy who is notified by the step in their place; null when nobody can be reached
     */
    public record Absence(Contact contact, Contact coveredBy) {
    }

    /**
     * Who of a role can be reached at an instant.
     *
     * @param role      the role
     * @param contacts  everyone with the role
     * @param reachable those who can be reached now
     * @param standIn   who is paged in their place when none can (the last resort); null otherwise
     */
    public record RoleOnCall(String role, List<Contact> contacts, List<Contact> reachable, Contact standIn) {
    }
}
