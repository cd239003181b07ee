package dev.autopilot.notification.escalation;

import static dev.autopilot.notification.Pages.awaitEvents;
import static dev.autopilot.notification.Pages.awaitMarker;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.published;
import static dev.autopilot.notification.Pages.snsAccepts;
import static dev.autopilot.notification.Pages.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.TestClock;
import dev.autopilot.notification.channel.Channels;
import dev.autopilot.notification.delivery.ChannelSlots;
import dev.autopilot.notification.delivery.DeliveryConfig;
import dev.autopilot.notification.delivery.DeliveryDispatcher;
import dev.autopilot.notification.delivery.DeliveryRepository;
import dev.autopilot.notification.delivery.NotificationPublisher;
import dev.autopilot.notification.delivery.PageComposer;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation timers live in the database: a step pending when the service stops fires once after it starts again,
 * and two instances working on one database fire each step once.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class TimersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    StepTimerWorker timers;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    EscalationService escalation;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    Channels channels;

    @Inject
    ChannelSlots slots;

    @Inject
    PageComposer composer;

    @Inject
    NotificationPublisher publisher;

    @Inject
    DeliveryConfig config;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void snsAnswers() {
        snsAccepts(aws);
    }

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void aStepPendingWhenTheServiceStopsFiresOnceAfterItStartsAgain() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)));
        IncidentOpened incident = incident(Severity.P3, "two-steps");
        String id = incident.incidentId();
        publish(topics, incident);
        awaitOnly(id, "SENT");

        try {
            timers.stop();
            dispatcher.stop();
            clock.advance(Duration.ofMinutes(20));
            assertThat(notificationsOf(id)).hasSize(1);
        } finally {
            timers.start();
            dispatcher.start();
        }

        awaitNotifications(id, list -> to(list, "system-administrator").stream()
                .anyMatch(n -> "SENT".equals(n.get("status"))));
        timers.worker().wake();
        dispatcher.worker().wake();
        awaitMarker(topics);
        assertThat(to(notificationsOf(id), "system-administrator")).hasSize(1);
        assertThat(published(aws, id)).hasSize(1);
        assertThat(topics.events(Topics.NOTIFICATIONS, EscalationStepReached.class))
                .filteredOn(e -> e.incidentId().equals(id)).extracting(EscalationStepReached::step)
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachStepOnce() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.instant().plus(Duration.ofDays(1)));
        List<IncidentOpened> incidents = IntStream.range(0, 12).mapToObj(i -> incident(Severity.P3, "two-steps"))
                .toList();
        incidents.forEach(incident -> publish(topics, incident));
        incidents.forEach(incident -> awaitOnly(incident.incidentId(), "SENT"));
        DeliveryDispatcher otherDispatcher = new DeliveryDispatcher(deliveries, channels, slots, composer, publisher,
                config, clock, metrics);
        StepTimerWorker otherTimers = new StepTimerWorker(escalation, config);

        try {
            otherDispatcher.start();
            otherTimers.start();
            clock.advance(Duration.ofMinutes(10));
            otherTimers.worker().wake();
            timers.worker().wake();
            for (IncidentOpened incident : incidents) {
                awaitNotifications(incident.incidentId(), list -> list.size() == 2
                        && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
            }
            otherTimers.worker().wake();
            timers.worker().wake();
            otherDispatcher.worker().wake();
            awaitMarker(topics);
        } finally {
            otherTimers.stop();
            otherDispatcher.stop();
        }

        for (IncidentOpened incident : incidents) {
            String id = incident.incidentId();
            assertThat(to(notificationsOf(id), "system-administrator")).hasSize(1);
            assertThat(published(aws, id)).hasSize(1);
            assertThat(awaitEvents(topics, EscalationStepReached.class, id, 2))
                    .extracting(EscalationStepReached::step).containsExactlyInAnyOrder(1, 2);
        }
    }
}
