package dev.autopilot.notification.report;

import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.report.ReportPublished;
import dev.autopilot.support.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Posts published reports from {@code reports.v1}, each event applied once. */
@ApplicationScoped
public class ReportsConsumer {

    private final Inbox inbox;
    private final ReportService reports;

    @Inject
    public ReportsConsumer(Inbox inbox, ReportService reports) {
        this.inbox = inbox;
        this.reports = reports;
    }

    @Incoming("reports")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receive(Topics.REPORT_EVENTS, records, received -> {
            if (received.event() instanceof ReportPublished published) {
                reports.published(published);
            }
        });
    }
}
