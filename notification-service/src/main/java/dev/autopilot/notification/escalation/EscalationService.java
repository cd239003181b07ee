package dev.autopilot.notification.escalation;

import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentReopened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.delivery.Delivery;
import dev.autopilot.notification.delivery.DeliveryRepository;
import dev.autopilot.notification.delivery.DeliveryScheduler;
import dev.autopilot.notification.delivery.DeliveryScheduler.Message;
import dev.autopilot.notification.delivery.NotificationPublisher;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.EscalationPolicy;
import dev.autopilot.notification.routing.IncidentFacts;
import dev.autopilot.notification.routing.Roster;
import dev.autopilot.notification.routing.Router;
import dev.autopilot.notification.storm.StormConfig;
import dev.autopilot.support.worker.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What an incident's news means for paging. Each use case runs in its caller's transaction (the consumer's, with
 * the processed mark of the event; or the timer worker's), the incident's row locked.
 * <ul>
 * <li>Opened: routed to a policy; each step becomes a timer, and the steps due at once fire now.</li>
 * <li>A step fires if its condition still holds: each contact reachable then, or who stands in for them, is told
 * (the page says who they stand in for); {@code EscalationStepReached} is announced.</li>
 * <li>Acknowledged: every pending step and page is cancelled at once (PagerDuty is told); remediation news still
 * goes out, the person who took the incident needs it.</li>
 * <li>Resolved: the same, and everyone paged in the round gets a resolve notice on the channel that paged them.</li>
 * <li>Escalated: routed again; a new policy replaces the old one's pending steps and starts now.</li>
 * <li>Reopened: a new round from the first step, unless the incident flaps (reopened soon after its last round).</li>
 * </ul>
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    private final Router router;
    private final TrackedIncidentRepository incidents;
    private final StepTimerRepository timers;
    private final DeliveryRepository deliveries;
    private final DeliveryScheduler scheduler;
    private final NotificationPublisher publisher;
    private final StepTimerWorker timerWorker;
    private final AfterCommit afterCommit;
    private final StormConfig storm;
    private final OnCall onCall;
    private final Clock clock;
    private final Event<IncidentTracked> tracked;

    @Inject
    public EscalationService(Router router, TrackedIncidentRepository incidents, StepTimerRepository timers,
            DeliveryRepository deliveries, DeliveryScheduler scheduler, NotificationPublisher publisher,
            StepTimerWorker timerWorker, AfterCommit afterCommit, StormConfig storm, OnCall onCall, Clock clock,
            Event<IncidentTracked> tracked) {
        this.router = router;
        this.incidents = incidents;
        this.timers = timers;
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.timerWorker = timerWorker;
        this.afterCommit = afterCommit;
        this.storm = storm;
        this.onCall = onCall;
        this.clock = clock;
        this.tracked = tracked;
    }

    /** Routes a new incident and starts its policy; an incident opened again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(IncidentOpened event) {
        Instant now = clock.instant();
        EscalationPolicy policy = router.policyFor(new IncidentFacts(event.severity(), event.type(),
                event.service(), event.labels()));
        TrackedIncident draft = TrackedIncident.opened(event, policy.name(), now);
        if (!incidents.addIfAbsent(draft)) {
            LOG.debugf("%s: opened again; already paging by policy %s", event.incidentId(), policy.name());
            return;
        }
        TrackedIncident incident = incidents.lock(event.incidentId()).orElseThrow();
        LOG.infof("%s: %s %s routed to policy %s", incident.incidentId(), incident.severity(), incident.type(),
                policy.name());
        start(incident, policy, now, null);
        tracked.fire(new IncidentTracked(incident.incidentId()));
    }

    /** Nobody else needs paging: every pending step and page of the incident is cancelled at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(IncidentAcknowledged event) {
        lockForNews(event.incidentId()).ifPresent(incident -> {
            if (incident.status() != IncidentStatus.OPEN) {
                return;
            }
            Instant now = clock.instant();
            String reason = "incident acknowledged by " + event.acknowledgedBy();
            incident.acknowledge(event.acknowledgedBy(), event.acknowledgedAt() == null ? now : event.acknowledgedAt());
            stopPaging(incident, reason, EnumSet.of(Page.Kind.PAGE), now);
            tellPagerDuty(incident, Page.Kind.ACKNOWLEDGED, "acknowledged");
        });
    }

    /** The incident is over: paging stops, and everyone paged in this round is told on the channel that paged them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(IncidentResolved event) {
        lockForNews(event.incidentId()).ifPresent(incident -> {
            if (incident.isResolved()) {
                return;
            }
            Instant now = clock.instant();
            String reason = "incident resolved by " + event.resolvedBy();
            incident.resolve(event.resolvedAt() == null ? now : event.resolvedAt());
            stopPaging(incident, reason,
                    EnumSet.of(Page.Kind.PAGE, Page.Kind.REMEDIATION, Page.Kind.ACKNOWLEDGED), now);
            for (Map.Entry<Contact, ContactChannel> paged : onCall.pagedIn(incident).entrySet()) {
                scheduler.schedule(Message.of(Page.Kind.RESOLVED, roundKey(incident) + "/resolved",
                        incident.asPageIncident(), incident.policy(), incident.round(), 0, paged.getKey())
                        .withDetail(event.note() == null ? "Resolved by " + event.resolvedBy() + "."
                                : "Resolved by " + event.resolvedBy() + ": " + event.note())
                        .by(paged.getValue()));
            }
        });
    }

    /** A worse signal raised the incident: routed again, a new policy replaces the old one's pending steps. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalated(IncidentEscalated event) {
        lockForNews(event.incidentId()).ifPresent(incident -> {
            Instant now = clock.instant();
            String previous = incident.policy();
            EscalationPolicy policy = router.policyFor(new IncidentFacts(
                    event.severity() == null ? incident.severity() : event.severity(),
                    event.type() == null ? incident.type() : event.type(), incident.service(),
                    incident.facts().labels()));
            incident.escalate(event.severity(), event.type(), policy.name(), now);
            if (incident.isResolved() || policy.name().equals(previous)) {
                LOG.infof("%s: escalated to %s; policy %s stays", incident.incidentId(), incident.severity(),
                        previous);
                return;
            }
            for (StepTimer timer : timers.lockPendingOf(incident.incidentId())) {
                timer.cancel("replaced by policy " + policy.name() + " (escalated)", now);
            }
            LOG.infof("%s: escalated to %s; policy %s replaces %s", incident.incidentId(), incident.severity(),
                    policy.name(), previous);
            start(incident, policy, now, "Escalated from " + event.previousSeverity() + " to " + event.severity()
                    + (event.reason() == null ? "." : ": " + event.reason()));
        });
    }

    /** Open again: a new paging round, unless it reopened within the flap window of its last one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(IncidentReopened event) {
        lockForNews(event.incidentId()).ifPresent(incident -> {
            if (!incident.isResolved()) {
                return;
            }
            Instant now = clock.instant();
            boolean flapping = now.isBefore(incident.roundStartedAt().plus(storm.flapWindow()));
            incident.reopen(!flapping, now);
            EscalationPolicy policy = router.policy(incident.policy()).orElse(router.policyFor(incident.facts()));
            if (flapping) {
                LOG.infof("%s: reopened within %s of its last paging: flapping, nobody is paged again",
                        incident.incidentId(), storm.flapWindow());
                for (Contact contact : policy.firstStep().contacts()) {
                    scheduler.suppress(Message.of(Page.Kind.PAGE, roundKey(incident) + "/reopened-"
                            + event.signalId(), incident.asPageIncident(), policy.name(), incident.round(), 1,
                            contact), "flapping");
                }
                return;
            }
            LOG.infof("%s: reopened; paging round %d by policy %s", incident.incidentId(), incident.round(),
                    policy.name());
            start(incident, policy, now, "Reopened: " + event.reason());
        });
    }

    /** Fires the pending step due first, if any, in the caller's transaction; true when one was fired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fireNextDue() {
        Instant now = clock.instant();
        Optional<StepTimer> due = timers.claimNextDue(now);
        if (due.isEmpty()) {
            timers.nextDueAt().ifPresent(at -> timerWorker.worker().wakeWithin(Duration.between(now, at)));
            return false;
        }
        Optional<TrackedIncident> incident = incidents.lock(due.get().incidentId());
        fire(incident.orElseThrow(), due.get(), now, null);
        return true;
    }

    /**
     * Locks the incident's pending steps, then the incident: the order the timer worker takes them in (it claims a
     * step, then locks its incident), so the two never wait for each other in a circle.
     */
    private Optional<TrackedIncident> lockForNews(String incidentId) {
        timers.lockPendingOf(incidentId);
        return incidents.lock(incidentId);
    }

    private void start(TrackedIncident incident, EscalationPolicy policy, Instant now, String why) {
        for (EscalationPolicy.Step step : policy.steps()) {
            timers.addIfAbsent(StepTimer.due(incident.incidentId(), incident.round(), policy.name(), step.number(),
                    now.plus(step.after())));
        }
        for (StepTimer timer : timers.lockDueOf(incident.incidentId(), now)) {
            fire(incident, timer, now, why);
        }
        afterCommit.wake(timerWorker.worker());
    }

    private void fire(TrackedIncident incident, StepTimer timer, Instant now, String why) {
        Optional<EscalationPolicy> configured = router.policy(timer.policy());
        if (configured.isEmpty() || !timer.policy().equals(incident.policy()) || timer.round() != incident.round()) {
            timer.cancel("superseded: the incident pages by policy " + incident.policy() + " now", now);
            return;
        }
        EscalationPolicy policy = configured.get();
        EscalationPolicy.Step step = policy.step(timer.step());
        if (!step.condition().holds(incident.isAcknowledged(), incident.isResolved())) {
            timer.skipped("the incident is " + incident.status().name().toLowerCase(), now);
            LOG.infof("%s: step %d of policy %s skipped: the incident is %s", incident.incidentId(), step.number(),
                    policy.name(), incident.status());
            return;
        }
        timer.reached(now);
        Roster.Assignment assignment = router.roster().assign(policy, step, now);
        List<String> told = new ArrayList<>();
        assignment.recipients().forEach(r -> told.add(r.contact().name()));
        publisher.stepReached(incident.incidentId(), policy.name(), step.number(), told, now);
        LOG.infof("%s: step %d of policy %s reached: %s", incident.incidentId(), step.number(), policy.name(), told);
        String key = roundKey(incident) + "/" + policy.name() + "/s" + step.number();
        Page.Kind kind = step.requiresApproval() ? Page.Kind.CUSTOMER_NOTICE : Page.Kind.PAGE;
        for (Roster.Recipient recipient : assignment.recipients()) {
            Message message = Message.of(kind, key, incident.asPageIncident(), policy.name(), incident.round(),
                    step.number(), recipient.contact()).withNote(note(recipient, why)).withApproval(
                            step.requiresApproval());
            if (step.requiresApproval()) {
                message = message.withDetail(customerNotice(incident));
            }
            scheduler.schedule(message);
            if (recipient.replacing() != null) {
                scheduler.suppress(Message.of(kind, key, incident.asPageIncident(), policy.name(), incident.round(),
                        step.number(), recipient.replacing()).withNote("Outside their hours; "
                                + recipient.contact().name() + " is paged instead."), "out-of-hours");
            }
        }
        for (Roster.Absence absence : assignment.absent()) {
            LOG.infof("%s: %s is outside their hours (%s)%s", incident.incidentId(), absence.contact().label(),
                    absence.contact().hours(), absence.coveredBy() == null ? " and nobody can stand in"
                            : "; " + absence.coveredBy().label() + " is told by this step");
            scheduler.suppress(Message.of(kind, key, incident.asPageIncident(), policy.name(), incident.round(),
                    step.number(), absence.contact()), "out-of-hours");
        }
    }

    private void stopPaging(TrackedIncident incident, String reason, EnumSet<Page.Kind> kinds, Instant now) {
        int steps = 0;
        for (StepTimer timer : timers.lockPendingOf(incident.incidentId())) {
            timer.cancel(reason, now);
            steps++;
        }
        List<Delivery> pending = deliveries.lockPendingOf(incident.incidentId(), kinds);
        pending.forEach(delivery -> delivery.cancel(reason, now));
        LOG.infof("%s: %s; %d pending step(s) and %d pending message(s) cancelled", incident.incidentId(), reason,
                steps, pending.size());
    }

    /** PagerDuty keeps its own alert: it is acknowledged or resolved as the incident is. */
    private void tellPagerDuty(TrackedIncident incident, Page.Kind kind, String what) {
        onCall.pagedIn(incident).forEach((contact, via) -> {
            if ("pagerduty".equals(via.channel())) {
                scheduler.schedule(Message.of(kind, roundKey(incident) + "/" + what, incident.asPageIncident(),
                        incident.policy(), incident.round(), 0, contact).by(via));
            }
        });
    }

    private static String note(Roster.Recipient recipient, String why) {
        String standIn = recipient.replacing() == null ? null : "Paged instead of " + recipient.replacing().name()
                + " (" + recipient.replacing().role() + "), who is outside their hours ("
                + recipient.replacing().hours() + ").";
        if (standIn == null) {
            return why;
        }
        return why == null ? standIn : why + " " + standIn;
    }

    private static String customerNotice(TrackedIncident incident) {
        return "We are investigating an issue with " + (incident.service() == null ? "our service"
                : incident.service()) + " that may have affected your data. We will write again as soon as we know"
                + " more.";
    }

    private static String roundKey(TrackedIncident incident) {
        return incident.incidentId() + "/r" + incident.round();
    }
}
