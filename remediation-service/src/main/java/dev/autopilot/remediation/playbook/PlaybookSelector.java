package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The playbooks and how they are chosen: an incident type is served by the playbook that lists it (each playbook
 * serves the type it is named after unless it says otherwise), or by the one configuration names for it; any other
 * type, or none, gets the fallback, which only gathers evidence. Plans come with the approval rules applied.
 */
public final class PlaybookSelector {

    private final Map<String, Playbook> byName = new LinkedHashMap<>();
    private final Map<String, Playbook> byType = new LinkedHashMap<>();
    private final Playbook fallback;
    private final ApprovalRules approvals;

    /**
     * @param playbooks     the playbooks
     * @param fallback      for any other incident type
     * @param typeOverrides incident type to playbook name, over what the playbooks serve by default
     * @param approvals     which steps wait for a person
     * @throws IllegalArgumentException when two playbooks share a name or an override names no playbook
     */
    public PlaybookSelector(List<Playbook> playbooks, Playbook fallback, Map<String, String> typeOverrides,
            ApprovalRules approvals) {
        List<Playbook> all = new ArrayList<>(playbooks);
        all.add(fallback);
        for (Playbook playbook : all) {
            if (byName.put(playbook.name(), playbook) != null) {
                throw new IllegalArgumentException("two playbooks are named " + playbook.name());
            }
            playbook.types().forEach(type -> byType.put(normalise(type), playbook));
        }
        typeOverrides.forEach((type, name) -> byType.put(normalise(type), named(name).orElseThrow(() ->
                new IllegalArgumentException("remediation.playbooks.types." + type + ": no playbook named " + name
                        + "; known: " + byName.keySet()))));
        this.fallback = fallback;
        this.approvals = approvals;
    }

    /** The runbook's playbooks with their default types and no approvals. */
    public static PlaybookSelector forRunbook(ManagedService target, PlaybookSettings settings) {
        return forRunbook(target, settings, Map.of(), ApprovalRules.NONE);
    }

    /**
     * The runbook's playbooks: outage (P0), degradation (P1), agent failure (P2), traffic surge, security,
     * data leak ({@code data-loss}), scaling (recommendations) and backup (schedule); evidence otherwise.
     */
    public static PlaybookSelector forRunbook(ManagedService target, PlaybookSettings settings,
            Map<String, String> typeOverrides, ApprovalRules approvals) {
        return new PlaybookSelector(List.of(
                new OutagePlaybook(target, settings),
                new DegradationPlaybook(target, settings),
                new AgentFailurePlaybook(target, settings),
                new TrafficSurgePlaybook(target, settings),
                new ScalingPlaybook(target, settings),
                new SecurityPlaybook(target),
                new DataLeakPlaybook(target),
                new BackupPlaybook(target)),
                new EvidencePlaybook(target), typeOverrides, approvals);
    }

    /** The playbook for an incident type; the type is compared without regard to case or surrounding blanks. */
    public Playbook select(String incidentType) {
        if (incidentType == null) {
            return fallback;
        }
        return byType.getOrDefault(normalise(incidentType), fallback);
    }

    public Optional<Playbook> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every playbook, the fallback last. */
    public List<Playbook> all() {
        return List.copyOf(byName.values());
    }

    /** The incident types each playbook serves. */
    public Map<String, List<String>> typesByPlaybook() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        byName.keySet().forEach(name -> types.put(name, new ArrayList<>()));
        byType.forEach((type, playbook) -> types.get(playbook.name()).add(type));
        types.replaceAll((name, list) -> Collections.unmodifiableList(list));
        return Collections.unmodifiableMap(types);
    }

    /** The playbook's steps for the occasion, each marked for approval as the rules say. */
    public List<PlaybookStep> plan(Playbook playbook, Occasion occasion, Instant now) {
        return playbook.plan(occasion, now).stream()
                .map(step -> step.withApproval(step.requiresApproval()
                        || approvals.requires(playbook.name(), step.kind())))
                .toList();
    }

    private static String normalise(String type) {
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
