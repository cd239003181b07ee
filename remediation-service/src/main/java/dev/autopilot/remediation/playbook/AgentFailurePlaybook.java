package dev.autopilot.remediation.playbook;

import dev.autopilot.contracts.incident.IncidentOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * P2, one function failing: identify the failing agent from the incident, look at its errors, restart that agent
 * alone (a forced new deployment of its own ECS service) and record a follow-up for a patch deploy. When the
 * incident names no known agent, nothing is restarted: the error logs and a follow-up asking people to find it.
 *
 * @param target         the managed service, with its agents
 * @param evidenceWindow how far back the error logs look
 */
public record AgentFailurePlaybook(ManagedService target, Duration evidenceWindow) implements Playbook {

    /** Labels that name an agent, most explicit first; then the incident's title and its alarm's name. */
    private static final List<String> AGENT_LABELS = List.of("agent", "dimension.Agent", "dimension.AgentName");

    @Override
    public String name() {
        return "agent-failure";
    }

    @Override
    public List<PlaybookStep> plan(IncidentOpened incident, Instant now) {
        EvidenceWindow window = EvidenceWindow.before(now, evidenceWindow);
        return failingAgent(incident, target.agents()).map(agent -> List.of(
                target.filterLogEvents("Error logs of the " + agent + " agent",
                        "\"ERROR\" \"" + agent + "\"", window),
                target.updateService("Restart the " + agent + " agent alone", target.agentService(agent),
                        "forceNewDeployment", true),
                followUp("agent", agent,
                        "Plan a patch deploy for the " + agent + " agent (incident " + incident.incidentId() + ")")))
                .orElseGet(() -> List.of(
                        target.filterLogEvents("Error logs of the evidence window", "ERROR", window),
                        followUp("agent", "unknown",
                                "The failing agent is not named by incident " + incident.incidentId()
                                        + ": find it in the error logs, restart it, and plan a patch deploy")));
    }

    /**
     * The known agent the incident names: in its {@code agent} label or alarm dimension, else in its title or alarm
     * name (e.g. {@code parser-agent-failing}). Matched as a whole word, the longest name first, any spelling
     * ({@code MatchRate}, {@code match_rate}, {@code Match Rate} are {@code match-rate}).
     */
    public static Optional<String> failingAgent(IncidentOpened incident, List<String> agents) {
        List<String> texts = new ArrayList<>();
        AGENT_LABELS.forEach(label -> texts.add(incident.labels().get(label)));
        texts.add(incident.title());
        texts.add(incident.labels().get("alarmName"));
        List<String> longestFirst = agents.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String words = kebab(text);
            for (String agent : longestFirst) {
                if (Pattern.compile("(^|-)" + Pattern.quote(agent) + "(-|$)").matcher(words).find()) {
                    return Optional.of(agent);
                }
            }
        }
        return Optional.empty();
    }

    private static PlaybookStep followUp(String subject, String value, String note) {
        return PlaybookStep.call("Record a follow-up for people", "remediation", "RecordFollowUp",
                subject, value,
                "note", note);
    }

    /** {@code "MatchRate_Agent failing"} -> {@code "match-rate-agent-failing"}. */
    private static String kebab(String text) {
        return text.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
    }
}
