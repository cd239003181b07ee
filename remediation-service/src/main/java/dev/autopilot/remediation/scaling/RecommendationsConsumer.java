package dev.autopilot.remediation.scaling;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.recommendation.ScalingRecommended;
import dev.autopilot.remediation.run.RemediationService;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the scaling playbook from {@code recommendations.v1}, in batches, each recommendation applied once. */
@ApplicationScoped
public class RecommendationsConsumer {

    private final Inbox inbox;
    private final RemediationService remediations;

    @Inject
    public RecommendationsConsumer(Inbox inbox, RemediationService remediations) {
        this.inbox = inbox;
        this.remediations = remediations;
    }

    @Incoming("recommendations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.RECOMMENDATION_EVENTS, records, received -> {
            if (received.event() instanceof ScalingRecommended recommendation) {
                remediations.recommended(recommendation);
            }
        });
    }
}
