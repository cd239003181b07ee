package dev.autopilot.reporting.timeline;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationFailed;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import dev.autopilot.contracts.signal.SignalEvent;

/**
 * How an incident's timeline reads: which service told each event, the short sentence that sums it up, and where
 * the event falls in an incident's life, which orders events of the same instant.
 */
public final class TimelineNarrator {

    static final int MAX_TEXT = 160;

    private TimelineNarrator() {
    }

    /** The service that told an event, from its CloudEvents source: {@code /autopilot/detector} is {@code detector}. */
    public static String serviceOf(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String name = CloudEventHeaders.serviceOf(source.strip());
        int slash = name.indexOf('/');
        name = slash < 0 ? name : name.substring(0, slash);
        return name.isBlank() ? "unknown" : name;
    }

    /**
     * The incident an event is about, or null for an event about none (a scaling recommendation, a remediation
     * that answers no incident): that goes on the managed service's timeline instead.
     */
    public static String incidentOf(Event event) {
        if (event instanceof ScalingRecommended || event instanceof SignalEvent) {
            return null;
        }
        if (event instanceof RemediationEvent remediation) {
            return blankToNull(remediation.incidentId());
        }
        return blankToNull(event.subject());
    }

    /** The managed service an event about no incident concerns, when it names one. */
    public static String managedServiceOf(Event event) {
        return event instanceof ScalingRecommended scaling ? blankToNull(scaling.service()) : null;
    }

    /** One short sentence for people, e.g. {@code P0 outage opened: awselb-t-developer-unhealthy}. */
    public static String summaryOf(Event event) {
        String more = moreSummaryOf(event);
        if (more != null) {
            return more;
        }
        if (event instanceof IncidentOpened opened) {
            return opened(opened);
        }
        if (event instanceof IncidentAcknowledged acknowledged) {
            return "Acknowledged by " + orElse(acknowledged.acknowledgedBy(), "someone") + note(acknowledged.note());
        }
        if (event instanceof IncidentResolved resolved) {
            return "Resolved by " + orElse(resolved.resolvedBy(), "someone") + note(resolved.note());
        }
        if (event instanceof RemediationPlanned planned) {
            return planned(planned);
        }
        if (event instanceof RemediationSucceeded succeeded) {
            return "Remediation succeeded" + note(succeeded.summary());
        }
        if (event instanceof RemediationFailed failed) {
            return "Remediation failed" + note(failed.reason());
        }
        if (event instanceof NotificationSent sent) {
            return "Paged " + page(sent.recipient(), sent.channel(), sent.escalationStep(), sent.attempts());
        }
        if (event instanceof NotificationFailed failed) {
            return "Could not page " + page(failed.recipient(), failed.channel(), failed.escalationStep(),
                    failed.attempts()) + note(failed.reason());
        }
        return Event.typeOf(event);
    }

    /** The events added after the first slice: escalations, reopenings, remediation steps, paging, scaling. */
    private static String moreSummaryOf(Event event) {
        if (event instanceof IncidentEscalated escalated) {
            return "Escalated " + severity(escalated.previousSeverity()) + " to " + severity(escalated.severity())
                    + note(escalated.reason());
        }
        if (event instanceof IncidentReopened reopened) {
            return "Reopened" + note(reopened.reason());
        }
        if (event instanceof RemediationStarted started) {
            return capitalized(mode(started.mode()) + "remediation '" + orElse(started.playbook(), "unnamed")
                    + "' started");
        }
        if (event instanceof RemediationStepSucceeded step) {
            return "Step " + step.order() + " succeeded" + (step.mode() == ExecutionMode.DRY_RUN ? " (dry run)" : "")
                    + note(step.name()) + note(step.outcome());
        }
        if (event instanceof RemediationStepFailed step) {
            return "Step " + step.order() + " failed" + (step.attempts() > 1 ? " after " + step.attempts()
                    + " attempts" : "") + note(step.name()) + note(step.reason());
        }
        if (event instanceof RemediationAwaitingApproval waiting) {
            return "Step " + waiting.order() + " awaits approval" + note(waiting.name())
                    + (waiting.expiresAt() == null ? "" : " (until " + waiting.expiresAt() + ")");
        }
        if (event instanceof RemediationEscalated escalated) {
            return "Remediation handed to people" + (escalated.target() == null ? "" : " for " + escalated.target())
                    + note(escalated.reason());
        }
        if (event instanceof RemediationUndone undone) {
            return "Remediation undone by " + orElse(undone.undoneBy(), "someone") + note(undone.summary());
        }
        if (event instanceof NotificationSuppressed suppressed) {
            return "Page to " + page(suppressed.recipient(), suppressed.channel(), suppressed.escalationStep(), 1)
                    + " suppressed" + note(suppressed.reason());
        }
        if (event instanceof EscalationStepReached step) {
            return "Escalation step " + step.step() + " of '" + orElse(step.policy(), "unnamed") + "'"
                    + (step.contacts().isEmpty() ? "" : note(String.join(", ", step.contacts())));
        }
        if (event instanceof ScalingRecommended scaling) {
            return "Scale " + orElse(scaling.service(), "a service") + " "
                    + (scaling.direction() == null ? "" : scaling.direction().name().toLowerCase()) + note(scaling.reason());
        }
        return null;
    }

    private static String severity(Severity severity) {
        return severity == null || severity == Severity.UNKNOWN ? "an unknown severity" : severity.name();
    }

    private static String mode(ExecutionMode mode) {
        return mode == ExecutionMode.DRY_RUN ? "dry-run " : mode == ExecutionMode.LIVE ? "live " : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Where an event falls in an incident's life: opened, then what answered the opening (the plan, the pages),
     * then the acknowledgement, then the remediation's outcome, then resolved. Orders the events of one instant.
     */
    public static int phaseOf(Event event) {
        if (event instanceof IncidentOpened) {
            return 0;
        }
        if (event instanceof RemediationPlanned || event instanceof RemediationStarted) {
            return 1;
        }
        if (event instanceof NotificationSent || event instanceof NotificationFailed
                || event instanceof NotificationSuppressed || event instanceof EscalationStepReached) {
            return 2;
        }
        if (event instanceof RemediationSucceeded || event instanceof RemediationFailed
                || event instanceof RemediationEscalated || event instanceof RemediationUndone) {
            return 4;
        }
        if (event instanceof IncidentResolved) {
            return 5;
        }
        if (event instanceof IncidentReopened) {
            return 6;
        }
        return 3;
    }

    private static String opened(IncidentOpened opened) {
        String severity = opened.severity() == null || opened.severity() == Severity.UNKNOWN ? ""
                : opened.severity() + " ";
        String type = opened.type() == null || opened.type().isBlank() ? "incident" : opened.type().strip();
        return capitalized(severity + type) + " opened: " + shortened(orElse(opened.title(), "(untitled)"));
    }

    private static String planned(RemediationPlanned planned) {
        String mode = planned.mode() == ExecutionMode.DRY_RUN ? "Dry-run plan"
                : planned.mode() == ExecutionMode.LIVE ? "Live plan" : "Plan";
        int steps = planned.steps().size();
        long approvals = planned.steps().stream().filter(PlannedStep::requiresApproval).count();
        return mode + " '" + orElse(planned.playbook(), "unnamed") + "' with " + steps + (steps == 1 ? " step" : " steps")
                + (approvals == 0 ? "" : ", " + approvals + " awaiting approval");
    }

    private static String page(String recipient, String channel, int step, int attempts) {
        return orElse(recipient, "someone") + " via " + orElse(channel, "an unknown channel") + " (step " + step
                + (attempts > 1 ? ", " + attempts + " attempts" : "") + ")";
    }

    private static String note(String text) {
        return text == null || text.isBlank() ? "" : ": " + shortened(text.strip());
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 1) + "…";
    }
}
