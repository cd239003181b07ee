package dev.autopilot.reporting.postmortem;

import dev.autopilot.reporting.incident.IncidentView;
import dev.autopilot.reporting.incident.RemediationProgress;
import dev.autopilot.reporting.report.InternalSections;
import dev.autopilot.reporting.report.ReportMarkdown;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A postmortem draft in Markdown, following the runbook's incident checklist: symptom, customer impact (the error
 * budget the incident spent), responders and acknowledgements, immediate actions, the full timeline, then root
 * cause and prevention as sections for people to fill.
 */
public final class PostmortemDraft {

    private static final Set<String> PAGING = Set.of("NotificationSent", "NotificationFailed",
            "NotificationSuppressed", "EscalationStepReached");

    private PostmortemDraft() {
    }

    /**
     * @param budgetSpent per objective, the share of its budget (over {@code window}) spent while the incident was
     *                    open, in percent; null for one without samples
     */
    public static String render(IncidentView incident, List<TimelineEntryView> timeline,
            Map<String, Double> budgetSpent, String window, Instant generatedAt) {
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem draft: ").append(inline(incident.title())).append("\n\n");
        md.append("Incident `").append(incident.id()).append("`: ").append(incident.severity()).append(' ')
                .append(inline(incident.type())).append(incident.service() == null ? "" : " on " + incident.service())
                .append(", opened ").append(incident.openedAt()).append(", resolved ").append(incident.resolvedAt())
                .append(" by ").append(inline(incident.resolvedBy())).append(".\n\n");
        md.append("_A draft generated at ").append(generatedAt)
                .append(" from every service's events about the incident; edit it before the review._\n\n");

        md.append("## Symptom\n\n");
        md.append("- ").append(inline(incident.title())).append(" (`").append(inline(incident.fingerprint()))
                .append("`)\n");
        if (!incident.labels().isEmpty()) {
            List<String> labels = new ArrayList<>();
            incident.labels().forEach((k, v) -> labels.add(k + "=" + v));
            md.append("- Signal labels: ").append(inline(String.join(", ", labels))).append('\n');
        }
        md.append("- Opened as ").append(incident.openedSeverity());
        if (incident.escalations() > 0) {
            md.append(", escalated ").append(incident.escalations()).append(" time(s) to ").append(incident.severity());
        }
        if (incident.reopenings() > 0) {
            md.append(", reopened ").append(incident.reopenings()).append(" time(s)");
        }
        md.append("\n\n");

        md.append("## Customer impact\n\n");
        md.append("- Open for ").append(InternalSections.duration(incident.timeToResolveSeconds())).append('\n');
        md.append("- Error budget spent while it was open (share of each objective's ").append(window)
                .append(" budget):\n");
        if (budgetSpent.isEmpty()) {
            md.append("  - no objective is configured\n");
        }
        budgetSpent.forEach((name, spent) -> md.append("  - ").append(name).append(": ")
                .append(spent == null ? "no check samples" : String.format(Locale.ROOT, "%.2f %%", spent))
                .append('\n'));
        md.append('\n');

        md.append("## Responders and acknowledgements\n\n");
        if (incident.acknowledgedAt() == null) {
            md.append("- Never acknowledged\n");
        } else {
            md.append("- Acknowledged by ").append(inline(incident.acknowledgedBy())).append(" at ")
                    .append(incident.acknowledgedAt()).append(", ")
                    .append(InternalSections.duration(incident.timeToAcknowledgeSeconds())).append(" after it opened")
                    .append(incident.acknowledgeNote() == null ? "" : ": " + inline(incident.acknowledgeNote()))
                    .append('\n');
        }
        IncidentView.Notifications pages = incident.notifications();
        md.append("- Paged: ").append(pages.paged().isEmpty() ? "nobody" : String.join(", ", pages.paged()))
                .append(" (").append(pages.sent()).append(" sent, ").append(pages.failed()).append(" failed, ")
                .append(pages.suppressed()).append(" suppressed; escalation step ").append(pages.escalationStep())
                .append(")\n");
        entries(md, timeline, e -> PAGING.contains(e.type()));
        md.append('\n');

        md.append("## Immediate actions\n\n");
        RemediationProgress remediation = incident.remediation();
        if (remediation == null) {
            md.append("- No remediation ran\n");
        } else {
            md.append("- Remediation '").append(inline(remediation.playbook())).append("' (")
                    .append(remediation.mode()).append("): ").append(remediation.status()).append("; ")
                    .append(incident.actions().stepsSucceeded()).append(" step(s) succeeded, ")
                    .append(incident.actions().stepsFailed()).append(" failed, ")
                    .append(incident.actions().rollbacks()).append(" rollback(s)\n");
        }
        md.append("- Resolved by ").append(incident.resolvedByAutomation() ? "automation alone"
                : inline(incident.resolvedBy())).append('\n');
        entries(md, timeline, e -> "remediation".equals(e.service()));
        md.append('\n');

        md.append("## Timeline\n\n");
        ReportMarkdown.table(md, List.of("at", "service", "what"), timeline.stream()
                .map(e -> List.of(String.valueOf(e.at()), e.service(), e.summary())).toList());

        md.append("## Root cause\n\n_To fill: what made it happen (ask why until the answer is a change to make)._\n\n");
        md.append("## Prevention\n\n_To fill: what stops it from happening again, with an owner and a date for each._\n");
        return md.toString();
    }

    private static void entries(StringBuilder md, List<TimelineEntryView> timeline,
            Predicate<TimelineEntryView> which) {
        timeline.stream().filter(which).forEach(e -> md.append("  - ").append(e.at()).append(": ")
                .append(inline(e.summary())).append('\n'));
    }

    private static String inline(String text) {
        return text == null ? "-" : ReportMarkdown.inline(text);
    }
}
