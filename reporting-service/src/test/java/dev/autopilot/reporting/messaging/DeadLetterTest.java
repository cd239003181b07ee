package dev.autopilot.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.IncidentStory;
import dev.autopilot.reporting.ReportingApi;
import dev.autopilot.reporting.Signals;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import dev.autopilot.support.messaging.DeadLetters;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A record the service cannot read goes to its topic's dead-letter topic; the records behind it are applied. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class DeadLetterTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    SignalSampleRepository samples;

    static Stream<Arguments> goodEventsOnEachTopic() {
        IncidentStory story = IncidentStory.of("after poison", Instant.parse("2026-11-26T05:12:41Z"));
        return Stream.of(
                Arguments.of(Topics.SIGNALS, "SignalReceived",
                        Signals.of("fp-" + UUID.randomUUID(), SignalStatus.FIRING, 0.0)),
                Arguments.of(Topics.INCIDENTS, "IncidentOpened", story.opened()),
                Arguments.of(Topics.REMEDIATIONS, "RemediationPlanned", story.planned()),
                Arguments.of(Topics.NOTIFICATIONS, "NotificationSent", story.paged()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodEventsOnEachTopic")
    void poisonGoesToTheDeadLetterTopicAndTheNextRecordIsApplied(String topic, String type, Event good) {
        EventFeed feed = new EventFeed(kafka);
        TopicReader topics = feed.topics();
        String key = good.subject();

        topics.write(topic, key, Map.of(), "no CloudEvents headers".getBytes(StandardCharsets.UTF_8));
        topics.write(topic, key, Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, type, CloudEventHeaders.SOURCE, "/autopilot/test"),
                "{\"incidentId\": [".getBytes(StandardCharsets.UTF_8));
        String goodId = feed.publish(good);

        if (good instanceof SignalReceived signal) {
            await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> samples.findBySignalId(signal.signalId()).isPresent()));
        } else {
            ReportingApi.awaitEvent(key, goodId);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var dead = topics.records(Topics.deadLetter(topic, "reporting")).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.REASON))
                    .anySatisfy(reason -> assertThat(reason).contains("missing CloudEvents header"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a valid " + type));
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.ORIGINAL_TOPIC)).containsOnly(topic);
        });
    }
}
