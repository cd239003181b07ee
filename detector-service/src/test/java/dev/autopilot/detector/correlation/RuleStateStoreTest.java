package dev.autopilot.detector.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.detector.detection.RuleState;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule engine's state outlives a batch: what one batch saw, the next one knows. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class RuleStateStoreTest {

    @Inject
    RuleStateStore store;

    @Test
    void aStateSavedByOneBatchIsLoadedByTheNextAndRemovalsStick() {
        String fingerprint = "fp-" + UUID.randomUUID();
        String other = "fp-" + UUID.randomUUID();
        Instant since = Instant.now().truncatedTo(ChronoUnit.MICROS);

        QuarkusTransaction.requiringNew().run(() -> {
            RuleStateStore.Batch batch = store.load(List.of(fingerprint, other));
            batch.put("rule-a", fingerprint, new RuleState(since, null));
            batch.put("rule-b", fingerprint, new RuleState(since, since.plusSeconds(60)));
            batch.put("rule-a", other, new RuleState(since, null));
            batch.save();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            RuleStateStore.Batch batch = store.load(List.of(fingerprint));
            assertThat(batch.get("rule-a", fingerprint)).contains(new RuleState(since, null));
            assertThat(batch.get("rule-b", fingerprint)).contains(new RuleState(since, since.plusSeconds(60)));
            assertThat(batch.get("rule-a", other)).isEmpty();
            batch.remove("rule-a", fingerprint);
            batch.save();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            RuleStateStore.Batch batch = store.load(List.of(fingerprint, other));
            assertThat(batch.get("rule-a", fingerprint)).isEmpty();
            assertThat(batch.get("rule-b", fingerprint)).isPresent();
            assertThat(batch.get("rule-a", other)).isPresent();
        });
    }
}
