package dev.autopilot.notification.escalation;

import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.notification.delivery.Delivery;
import dev.autopilot.notification.delivery.DeliveryDispatcher;
import dev.autopilot.notification.delivery.DeliveryRepository;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.EscalationPolicy;
import dev.autopilot.notification.routing.Router;
import dev.autopilot.support.worker.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What an incident's news means for paging. An opened incident gets its escalation policy and the policy's first
 * step is scheduled as deliveries, sent by the {@link DeliveryDispatcher} once this transaction commits; an
 * acknowledged or resolved incident cancels what is still pending. Each runs in the consumer's transaction, so the
 * deliveries and the processed mark of the event commit together.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    private final Router router;
    private final DeliveryRepository deliveries;
    private final DeliveryDispatcher dispatcher;
    private final AfterCommit afterCommit;
    private final Clock clock;

    @Inject
    public EscalationService(Router router, DeliveryRepository deliveries, DeliveryDispatcher dispatcher,
            AfterCommit afterCommit, Clock clock) {
        this.router = router;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** Schedules the first step of the incident's policy; a step already scheduled is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(IncidentOpened incident) {
        EscalationPolicy policy = router.policyFor(incident.severity(), incident.type());
        EscalationPolicy.Step step = policy.firstStep();
        Instant now = clock.instant();
        for (Contact contact : step.contacts()) {
            Delivery delivery = Delivery.schedule(incident, policy.name(), step.number(), contact,
                    dispatcher.pageChannel(), now.plus(step.after()), now);
            if (deliveries.addIfAbsent(delivery)) {
                LOG.infof("incident %s: page to %s scheduled (policy %s, step %d, via %s)", incident.incidentId(),
                        contact.label(), policy.name(), step.number(), delivery.channel());
            }
        }
        afterCommit.wake(dispatcher.worker());
    }

    /** A person took the incident: nobody else needs paging about it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledged(IncidentAcknowledged event) {
        cancelPending(event.incidentId(), "incident acknowledged by " + event.acknowledgedBy());
    }

    /** The incident is over: nobody needs paging about it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(IncidentResolved event) {
        cancelPending(event.incidentId(), "incident resolved by " + event.resolvedBy());
    }

    private void cancelPending(String incidentId, String reason) {
        List<Delivery> pending = deliveries.lockPendingOf(incidentId);
        Instant now = clock.instant();
        pending.forEach(delivery -> delivery.cancel(reason, now));
        if (!pending.isEmpty()) {
            LOG.infof("incident %s: %d pending page(s) cancelled: %s", incidentId, pending.size(), reason);
        }
    }
}
