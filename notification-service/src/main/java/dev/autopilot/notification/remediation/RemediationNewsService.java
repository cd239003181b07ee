package dev.autopilot.notification.remediation;

import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEvent;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.delivery.DeliveryConfig;
import dev.autopilot.notification.delivery.DeliveryScheduler;
import dev.autopilot.notification.delivery.DeliveryScheduler.Message;
import dev.autopilot.notification.escalation.OnCall;
import dev.autopilot.notification.escalation.TrackedIncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Keeps the line "what remediation is doing" of each incident up to date for its pages, and tells the incident's
 * current on-call when remediation failed, stopped, or waits for an approval (with the link to approve). News of a
 * resolved incident, or of a remediation that answers no incident, is only recorded.
 */
@ApplicationScoped
public class RemediationNewsService {

    private static final Logger LOG = Logger.getLogger(RemediationNewsService.class);

    private final TrackedIncidentRepository incidents;
    private final OnCall onCall;
    private final DeliveryScheduler scheduler;
    private final DeliveryConfig config;

    @Inject
    public RemediationNewsService(TrackedIncidentRepository incidents, OnCall onCall,
            DeliveryScheduler scheduler, DeliveryConfig config) {
        this.incidents = incidents;
        this.onCall = onCall;
        this.scheduler = scheduler;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RemediationEvent event, String eventType) {
        if (event.incidentId() == null) {
            return;
        }
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
