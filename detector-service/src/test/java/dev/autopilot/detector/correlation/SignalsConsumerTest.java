package dev.autopilot.detector.correlation;

import static dev.autopilot.detector.DetectorApi.awaitIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.support.messaging.DeadLetters;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The correlator's consumer, fed raw records: duplicates, poison and unknown types. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SignalsConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String title = "redelivered " + UUID.randomUUID();
        SignalReceived signal = signal(title, "fp-" + title);
        TopicReader topics = new TopicReader(kafka);

        write(topics, signal, signal.signalId());
        write(topics, signal, signal.signalId());
        SignalReceived later = signal(title, "fp-" + title);
        write(topics, later, later.signalId());

        Map<String, Object> incident = awaitIncident(title, i -> ((Integer) i.get("signalCount")) >= 2);
        assertThat(incident).containsEntry("signalCount", 2);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheRecordsAroundItAreApplied() {
        String title = "after poison " + UUID.randomUUID();
        String fingerprint = "fp-" + title;
        TopicReader topics = new TopicReader(kafka);
        String poisonId = UUID.randomUUID().toString();

        topics.write(Topics.SIGNALS, fingerprint, Map.of(), "no headers at all".getBytes(StandardCharsets.UTF_8));
        topics.write(Topics.SIGNALS, fingerprint, headers(poisonId, "SignalReceived"),
                "{\"signalId\": 42, \"observedAt\": [".getBytes(StandardCharsets.UTF_8));
        topics.write(Topics.SIGNALS, fingerprint, headers(UUID.randomUUID().toString(), "SignalTeleported"),
                "{}".getBytes(StandardCharsets.UTF_8));
        SignalReceived good = signal(title, fingerprint);
        write(topics, good, good.signalId());

        awaitIncident(title, i -> true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var dead = topics.records(Topics.deadLetter(Topics.SIGNALS, "detector")).stream()
                    .filter(r -> fingerprint.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.REASON))
                    .anySatisfy(reason -> assertThat(reason).contains("missing CloudEvents header"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a valid SignalReceived"));
            assertThat(dead).extracting(r -> TopicReader.header(r, DeadLetters.ORIGINAL_TOPIC))
                    .containsOnly(Topics.SIGNALS);
        });
    }

    private static SignalReceived signal(String title, String fingerprint) {
        return new SignalReceived(UUID.randomUUID().toString(), fingerprint, "test", null, SignalStatus.FIRING, title,
                null, Map.of("service", title), null, null, Instant.now(), Instant.now());
    }

    private static void write(TopicReader topics, SignalReceived signal, String id) {
        OutgoingRecord record = OutgoingRecord.of(signal, id, "test");
        topics.write(record.topic(), record.key(), record.headers(), EventCodec.encode(signal));
    }

    private static Map<String, String> headers(String id, String type) {
        return Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.TYPE, type, CloudEventHeaders.SOURCE, "/test");
    }
}
