package dev.autopilot.notification.routing;

import java.time.Instant;
import java.util.List;

/**
 * Who can be reached now, per role, as {@code GET /oncall} shows it.
 *
 * @param at    the instant it was worked out for
 * @param roles each role, with its contacts, those reachable now, and who stands in when none is
 */
public record OnCallView(Instant at, List<Role> roles) {

    public record Role(String role, List<String> reachable, List<Member> contacts, Member standIn) {
    }

    /** A contact: key, name, hours, whether reachable now, and their channels in order (addresses left out). */
    public record Member(String contact, String name, String hours, boolean reachableNow, List<String> channels) {

        static Member from(Contact contact, Instant at) {
            return new Member(contact.key(), contact.name(), contact.hours().toString(),
                    !contact.isPerson() || contact.hours().covers(at),
                    contact.channels().stream().map(ContactChannel::channel).toList());
        }
    }

    public static OnCallView from(List<Roster.RoleOnCall> roles, Instant at) {
        return new OnCallView(at, roles.stream().map(r -> new Role(r.role(),
                r.reachable().stream().map(Contact::name).toList(),
                r.contacts().stream().map(c -> Member.from(c, at)).toList(),
                r.standIn() == null ? null : Member.from(r.standIn(), at))).toList());
    }
}
