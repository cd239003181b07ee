package dev.autopilot.reporting.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.Signals;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Signals kept as samples for service levels. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class SignalSamplesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    SignalSampleRepository samples;

    @Test
    void eachSignalIsKeptOnceEvenWhenTakenInTwice() {
        String fingerprint = "cloudwatch:healthy-hosts:" + UUID.randomUUID();
        SignalReceived signal = Signals.of(fingerprint, SignalStatus.FIRING, 0.0);
        SignalReceived marker = Signals.of(fingerprint, SignalStatus.RESOLVED, 2.0);
        EventFeed feed = new EventFeed(kafka);

        feed.publish(signal);
        feed.publish(signal);
        feed.publish(marker);

        await().atMost(Duration.ofSeconds(20)).until(() -> sample(marker.signalId()).isPresent());
        assertThat(QuarkusTransaction.requiringNew().call(() -> samples.count("fingerprint", fingerprint))).isEqualTo(2);
        SignalSample sample = sample(signal.signalId()).orElseThrow();
        assertThat(sample.status()).isEqualTo(SignalStatus.FIRING);
        assertThat(sample.source()).isEqualTo("cloudwatch");
        assertThat(sample.value()).isEqualTo(0.0);
        assertThat(sample.threshold()).isEqualTo(1.0);
        assertThat(sample.observedAt()).isEqualTo(signal.observedAt());
        assertThat(sample.labels()).containsEntry("metricName", "HealthyHostCount");
    }

    private Optional<SignalSample> sample(String signalId) {
        return QuarkusTransaction.requiringNew().call(() -> samples.findBySignalId(signalId));
    }
}
