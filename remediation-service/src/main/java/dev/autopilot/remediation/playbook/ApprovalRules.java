package dev.autopilot.remediation.playbook;

import java.util.List;
import java.util.Set;

/**
 * Which steps wait for a person: those whose kind is listed ({@code rollback}: every rollback), or whose playbook
 * and kind are ({@code traffic-surge.scale}: only that playbook's scaling).
 *
 * @param requiredFor the entries, as configured
 */
public record ApprovalRules(Set<String> requiredFor) {

    public static final ApprovalRules NONE = new ApprovalRules(Set.of());

    public ApprovalRules {
        requiredFor = Set.copyOf(requiredFor);
    }

    public static ApprovalRules of(List<String> entries) {
        return new ApprovalRules(Set.copyOf(entries.stream().map(String::trim).filter(e -> !e.isEmpty()).toList()));
    }

    /** Whether a step of that kind (null for a read) in that playbook waits for a person. */
    public boolean requires(String playbook, String kind) {
        return kind != null && (requiredFor.contains(kind) || requiredFor.contains(playbook + "." + kind));
    }
}
