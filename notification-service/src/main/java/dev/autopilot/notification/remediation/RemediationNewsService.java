package dev.autopilot.notification.remediation;

import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.delivery.DeliveryConfig;
import dev.autopilot.notification.delivery.DeliveryScheduler;
import dev.autopilot.notification.delivery.DeliveryScheduler.Message;
import dev.autopilot.notification.escalation.IncidentTracked;
import dev.autopilot.notification.escalation.OnCall;
import dev.autopilot.notification.escalation.TrackedIncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the line "what remediation is doing" of each incident up to date for its pages, and tells the incident's
 * current on-call when remediation failed, stopped, or waits for an approval (with the link to approve). News of a
 * resolved incident is only recorded. News that comes before its incident's {@code IncidentOpened} (remediation
 * reacts to the same event on another topic, and either consumer may be ahead) is kept and applied, in order, the
 * moment the incident is tracked: an approval request is never lost to that race.
 */
@ApplicationScoped
public class RemediationNewsService {

    private static final Logger LOG = Logger.getLogger(RemediationNewsService.class);

    /** News kept this long for an incident that has not come is forgotten: it is not one of this system's. */
    static final Duration EARLY_NEWS_KEPT_FOR = Duration.ofDays(7);

    private final TrackedIncidentRepository incidents;
    private final OnCall onCall;
    private final DeliveryScheduler scheduler;
    private final DeliveryConfig config;
    private final EarlyNewsRepository early;
    private final Clock clock;

    @Inject
    public RemediationNewsService(TrackedIncidentRepository incidents, OnCall onCall,
            DeliveryScheduler scheduler, DeliveryConfig config, EarlyNewsRepository early, Clock clock) {
        this.incidents = incidents;
        this.onCall = onCall;
        this.scheduler = scheduler;
        this.config = config;
        this.early = early;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RemediationEvent event, String eventType, String eventId) {
        if (event.incidentId() == null) {
            return;
        }
        boolean tracked = incidents.lock(event.incidentId()).isPresent();
        if (!tracked) {
            early.lockNewsOf(event.incidentId());
            tracked = incidents.lock(event.incidentId()).isPresent(); // again under the lock: it may have come since
        }
        if (!tracked) {
            early.forgetOlderThan(clock.instant().minus(EARLY_NEWS_KEPT_FOR));
            early.keep(eventId, event.incidentId(), eventType, new String(EventCodec.encode(event),
                    StandardCharsets.UTF_8), clock.instant());
            LOG.debugf("%s: %s came before the incident; kept until it does", event.incidentId(), eventType);
            return;
        }
        tell(event, eventType);
    }

    /** The incident is tracked now: what remediation said before it came is applied, in the order it came. */
    void onTracked(@Observes IncidentTracked tracked) {
        early.lockNewsOf(tracked.incidentId());
        for (EarlyNewsRepository.Kept kept : early.takeAll(tracked.incidentId())) {
            Topics.REMEDIATION_EVENTS.typeNamed(kept.type()).ifPresent(type -> tell(
                    EventCodec.decode(kept.payload().getBytes(StandardCharsets.UTF_8), type), kept.type()));
        }
    }

    private void tell(RemediationEvent event, String eventType) {
        incidents.lock(event.incidentId()).ifPresent(incident -> {
            RemediationNews.statusOf(event).ifPresent(incident::remediationSays);
            if (!RemediationNews.needsPeople(event) || incident.isResolved()) {
                return;
            }
            String text = RemediationNews.statusOf(event).orElse(eventType);
            String key = incident.incidentId() + "/" + eventType + "/" + event.remediationId()
                    + (event instanceof RemediationAwaitingApproval waiting ? "/" + waiting.approvalId() : "");
            onCall.of(incident).forEach((contact, via) -> {
                Message news = Message.of(Page.Kind.REMEDIATION, key, incident.asPageIncident(), incident.policy(),
                        incident.round(), 0, contact).withDetail(text).by(via);
                if (event instanceof RemediationAwaitingApproval waiting) {
                    news = news.withAction("Approve", approvalLink(waiting.approvalId()));
                }
                scheduler.schedule(news);
            });
            LOG.infof("%s: %s; the on-call is told", incident.incidentId(), text);
        });
    }

    private String approvalLink(String approvalId) {
        String base = config.remediationUrl().toString();
        return (base.endsWith("/") ? base : base + "/") + "approvals/"
                + URLEncoder.encode(approvalId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
