package dev.autopilot.support.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fallback interval is an hour in each test: only a wake-up can make the work run. */
class SignalledWorkerTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void runsWhenWoken() {
        AtomicInteger runs = new AtomicInteger();
        try (SignalledWorker worker = new SignalledWorker("test", NEVER, () -> runs.incrementAndGet() < 0)) {
            worker.start();
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        }
    }

    @Test
    void runsAtTheTimeAskedFor() {
        AtomicInteger runs = new AtomicInteger();
        try (SignalledWorker worker = new SignalledWorker("test", NEVER, () -> runs.incrementAndGet() < 0)) {
            worker.start();
            worker.wakeWithin(Duration.ofMillis(50));
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        }
    }

    @Test
    void drainsABacklogWithoutWaiting() {
        AtomicInteger runs = new AtomicInteger();
        try (SignalledWorker worker = new SignalledWorker("test", NEVER, () -> runs.incrementAndGet() < 5)) {
            worker.start();
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 5);
        }
    }

    @Test
    void aFailureBacksOffThenTheWorkGoesOn() {
        AtomicInteger runs = new AtomicInteger();
        try (SignalledWorker worker = new SignalledWorker("test", NEVER, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the broker is away");
            }
            return false;
        })) {
            worker.start();
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.lastFailure() != null);
            assertThat(worker.lastFailure()).hasMessage("the broker is away");

            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.lastFailure() == null);
        }
    }
}
