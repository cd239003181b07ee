package dev.autopilot.notification.escalation;

import dev.autopilot.notification.delivery.Delivery;
import dev.autopilot.notification.delivery.DeliveryRepository;
import dev.autopilot.notification.delivery.DeliveryStatus;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.EscalationPolicy;
import dev.autopilot.notification.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who is on call for an incident: whom its current paging round reached, and by which channel. */
@ApplicationScoped
public class OnCall {

    private final Router router;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    @Inject
    public OnCall(Router router, DeliveryRepository deliveries, Clock clock) {
        this.router = router;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Everyone paged in the incident's current round (sent or going out), each with the channel that reached them. */
    public Map<Contact, ContactChannel> pagedIn(TrackedIncident incident) {
        Map<Contact, ContactChannel> paged = new LinkedHashMap<>();
        for (Delivery page : deliveries.pagesOf(incident.incidentId(), incident.round(),
                EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.PENDING))) {
            router.roster().contact(page.recipient()).ifPresent(contact -> paged.putIfAbsent(contact,
                    new ContactChannel(page.channel(), page.address())));
        }
        return paged;
    }

    /**
     * Who to tell about the incident now: those paged in this round, by the channel that reached them; else who its
     * policy's first step would page now (a channel is then picked for each).
     */
    public Map<Contact, ContactChannel> of(TrackedIncident incident) {
        Map<Contact, ContactChannel> paged = pagedIn(incident);
        if (!paged.isEmpty()) {
            return paged;
        }
        EscalationPolicy policy = router.policy(incident.policy()).orElse(router.policyFor(incident.facts()));
        Map<Contact, ContactChannel> first = new LinkedHashMap<>();
        router.roster().assign(policy, policy.firstStep(), clock.instant()).recipients()
                .forEach(recipient -> first.put(recipient.contact(), null));
        return first;
    }
}
