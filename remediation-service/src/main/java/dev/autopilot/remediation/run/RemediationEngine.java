package dev.autopilot.remediation.run;

import dev.autopilot.remediation.playbook.RemediationConfig;
import dev.autopilot.support.aws.AwsConfig;
import dev.autopilot.support.worker.AfterCommit;
import dev.autopilot.support.worker.SignalledWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the remediations' steps, on a few threads ({@code remediation.engine.workers}) so that a slow AWS call of one
 * remediation does not hold back the others. The threads are woken right after a commit that made a step due (a
 * plan, an approval, an undo), and ask to be woken when the next timer is due (a wait, a retry, an approval's
 * expiry); a fallback poll catches what a restart or another replica left.
 *
 * <p>Each step runs in one transaction: claim the due step and its remediation ({@code FOR UPDATE SKIP LOCKED}, so
 * two replicas never run the same one), run it, record its attempt, audit record and events. Nothing is kept in
 * memory: after a restart the engine carries on from the rows, and a step whose transaction did not commit runs
 * again with the same idempotency token; a step that committed never runs again.
 */
@ApplicationScoped
public class RemediationEngine {

    /** Time for the database work around a step, on top of its AWS calls' own bounded timeouts. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(60);

    private final RemediationRepository remediations;
    private final StepRunner runner;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final Duration fallback;
    private final int workers;
    private final int transactionTimeoutSeconds;
    private volatile List<SignalledWorker> threads;

    @Inject
    public RemediationEngine(RemediationRepository remediations, StepRunner runner, AfterCommit afterCommit,
            Clock clock, RemediationConfig config, AwsConfig aws) {
        this.remediations = remediations;
        this.runner = runner;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.fallback = config.engine().fallbackInterval();
        this.workers = config.engine().workers();
        // a verification makes up to four calls, each bounded by the SDK's call timeout
        this.transactionTimeoutSeconds = (int) aws.apiCallTimeout().multipliedBy(4).plus(TRANSACTION_MARGIN)
                .toSeconds();
        this.threads = newWorkers();
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the engine's threads, which pick up whatever is due. */
    public synchronized void start() {
        threads.forEach(SignalledWorker::start);
        wake();
    }

    /** Stops the engine's threads after the steps they run; everything else stays in the database. */
    public synchronized void stop() {
        threads.forEach(SignalledWorker::close);
        threads = newWorkers();
    }

    /** Wakes the engine once the current transaction commits (it made a step due). */
    public void wakeAfterCommit() {
        threads.forEach(afterCommit::wake);
    }

    /** The last failure of an engine thread that has not succeeded since, for the health check. */
    public Optional<Exception> lastFailure() {
        return threads.stream().map(SignalledWorker::lastFailure).filter(Objects::nonNull).findFirst();
    }

    /** Asks for a run now (after a commit, or when time moved on). */
    public void wake() {
        threads.forEach(SignalledWorker::wake);
    }

    /**
     * Runs the step due first, if any; true when one ran (more may be due). When none is due, asks to be woken when
     * the next one is.
     */
    private boolean runNext(SignalledWorker self) {
        return QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
            Instant now = clock.instant();
            Optional<RemediationStep> due = remediations.claimNextDue(now);
            if (due.isPresent()) {
                runner.run(due.get(), now);
                return true;
            }
            remediations.nextDueAfter(now).ifPresent(next -> self.wakeWithin(Duration.between(now, next)));
            return false;
        });
    }

    private List<SignalledWorker> newWorkers() {
        List<SignalledWorker> created = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            AtomicReference<SignalledWorker> self = new AtomicReference<>();
            self.set(new SignalledWorker("remediation-engine-" + (i + 1), fallback, () -> runNext(self.get())));
            created.add(self.get());
        }
        return List.copyOf(created);
    }
}
