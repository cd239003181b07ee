package dev.autopilot.remediation.playbook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the runbook playbook for an incident by its type: each playbook serves the type it is named after, and
 * an incident of any other type (or none) gets the fallback, which only gathers evidence.
 */
public final class PlaybookSelector {

    private final Map<String, Playbook> byType = new LinkedHashMap<>();
    private final Playbook fallback;

    public PlaybookSelector(List<Playbook> playbooks, Playbook fallback) {
        for (Playbook playbook : playbooks) {
            if (byType.put(playbook.name(), playbook) != null) {
                throw new IllegalArgumentException("two playbooks are named " + playbook.name());
            }
        }
        this.fallback = fallback;
    }

    /** The runbook's playbooks: outage (P0), degradation (P1), agent failure (P2), traffic surge; evidence otherwise. */
    public static PlaybookSelector forRunbook(ManagedService target, PlaybookSettings settings) {
        Duration window = settings.evidenceWindow();
        return new PlaybookSelector(List.of(
                new OutagePlaybook(target, settings.rollbackRequiresApproval()),
                new DegradationPlaybook(target, window, settings.metricPeriod(), settings.scaleOutBy()),
                new AgentFailurePlaybook(target, window),
                new TrafficSurgePlaybook(target, settings.surgeDesiredCount())),
                new EvidencePlaybook(target));
    }

    /** The playbook for an incident type; the type is compared without regard to case or surrounding blanks. */
    public Playbook select(String incidentType) {
        if (incidentType == null) {
            return fallback;
        }
        return byType.getOrDefault(incidentType.trim().toLowerCase(Locale.ROOT), fallback);
    }
}
