package dev.autopilot.notification.remediation;

import dev.autopilot.contracts.Topics;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds remediation news from {@code remediations.v1}, each event applied once. */
@ApplicationScoped
public class RemediationsConsumer {

    private final Inbox inbox;
    private final RemediationNewsService news;

    @Inject
    public RemediationsConsumer(Inbox inbox, RemediationNewsService news) {
        this.inbox = inbox;
        this.news = news;
    }

    @Incoming("remediations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.REMEDIATION_EVENTS, records,
                received -> news.apply(received.event(), received.type(), received.id()));
    }
}
