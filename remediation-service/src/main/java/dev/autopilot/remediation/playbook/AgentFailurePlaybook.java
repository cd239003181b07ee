package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * P2, one function failing: identify the failing agent from the incident, look at its errors, restart that agent
 * alone (as configured per agent: a forced new deployment of its own ECS service, StopTask of its tasks, or its
 * admin endpoint) and record a follow-up for a patch deploy. When the incident names no known agent, nothing is
 * restarted: the error logs and a follow-up asking people to find it.
 *
 * @param target   the managed service, with its agents
 * @param settings how the playbooks behave, with how each agent is restarted
 */
public record AgentFailurePlaybook(ManagedService target, PlaybookSettings settings) implements Playbook {

    /** Labels that name an agent, most explicit first; then the incident's title and its alarm's name. */
    private static final List<String> AGENT_LABELS = List.of("agent", "dimension.Agent", "dimension.AgentName");

    @Override
    public String name() {
        return "agent-failure";
    }

    /** The failing agent's service when the occasion names one, else the managed service. */
    @Override
    public String target(Occasion occasion) {
        return failingAgent(occasion, target.agents())
                .map(agent -> ManagedService.ecsTarget(target.clusterOf(occasion), target.agentService(agent)))
                .orElseGet(() -> target.ecsTargetOf(occasion));
    }

    @Override
    public List<PlaybookStep> plan(Occasion occasion, Instant now) {
        EvidenceWindow window = EvidenceWindow.before(now, settings.evidenceWindow());
        return failingAgent(occasion, target.agents()).map(agent -> List.of(
                target.filterLogEvents("Error logs of the " + agent + " agent",
                        "\"ERROR\" \"" + agent + "\"", window),
                restart(agent, target.clusterOf(occasion)),
                followUp("agent", agent,
                        "Plan a patch deploy for the " + agent + " agent (incident " + occasion.incidentId() + ")")))
                .orElseGet(() -> List.of(
                        target.filterLogEvents("Error logs of the evidence window", "ERROR", window),
                        followUp("agent", "unknown",
                                "The failing agent is not named by incident " + occasion.incidentId()
                                        + ": find it in the error logs, restart it, and plan a patch deploy")));
    }

    private PlaybookStep restart(String agent, String cluster) {
        AgentRestart.Setting setting = settings.agentRestarts()
                .getOrDefault(agent, new AgentRestart.Setting(AgentRestart.FORCE_NEW_DEPLOYMENT, null));
        String name = "Restart the " + agent + " agent alone";
        PlaybookStep step = switch (setting.restart()) {
            case STOP_TASK -> PlaybookStep.call(name, "ecs", "StopTask",
                    "cluster", cluster,
                    "service", target.agentService(agent),
                    "reason", "Runbook Autopilot: restart of the failing " + agent + " agent");
            case ADMIN_HTTP -> PlaybookStep.call(name, "http", "POST",
                    "url", setting.url());
            default -> target.updateService(name, cluster, target.agentService(agent), "forceNewDeployment", true);
        };
        return step.changing("restart");
    }

    /**
     * The known agent the incident names: in its {@code agent} label or alarm dimension, else in its title or alarm
     * name (e.g. {@code parser-agent-failing}). Matched as a whole word, the longest name first, any spelling
     * ({@code MatchRate}, {@code match_rate}, {@code Match Rate} are {@code match-rate}).
     */
    public static Optional<String> failingAgent(Occasion incident, List<String> agents) {
        List<String> texts = new ArrayList<>();
        AGENT_LABELS.forEach(label -> texts.add(incident.label(label)));
        texts.add(incident.title());
        texts.add(incident.label("alarmName"));
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
