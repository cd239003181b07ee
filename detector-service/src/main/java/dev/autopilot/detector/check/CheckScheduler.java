package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.intake.SignalPublisher;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.support.worker.SignalledWorker;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs the enabled checks on their intervals. The schedule is rows in the database ({@code check_run}): a due
 * check is claimed {@code FOR UPDATE SKIP LOCKED} and its next run set before it runs, so with several replicas
 * each run happens once; the worker wakes when the next check is due. Samples go to {@code signals.v1} like any
 * signal.
 */
@ApplicationScoped
public class CheckScheduler implements PanacheRepositoryBase<CheckRun, String> {

    private static final Logger LOG = Logger.getLogger(CheckScheduler.class);

    private final Map<String, Check> checks = new TreeMap<>();
    private final SignalPublisher signals;
    private final Clock clock;
    private final SignalledWorker worker;

    @Inject
    public CheckScheduler(Instance<Check> all, SignalPublisher signals, Clock clock) {
        all.stream().filter(Check::enabled).forEach(check -> checks.put(check.name(), check));
        this.signals = signals;
        this.clock = clock;
        this.worker = new SignalledWorker("checks", Duration.ofMinutes(1), this::runDue);
    }

    void start(@Observes StartupEvent event) {
        if (checks.isEmpty()) {
            LOG.info("no checks enabled (detector.checks.*)");
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> checks.keySet().forEach(name -> {
            if (findByIdOptional(name).isEmpty()) {
                persist(new CheckRun(name, clock.instant()));
            }
        }));
        LOG.infof("checks enabled: %s", String.join(", ", checks.keySet()));
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    /** The enabled checks and how their last runs went. */
    public List<CheckRun> runs() {
        return QuarkusTransaction.requiringNew().call(() -> list("name in ?1", List.copyOf(checks.keySet())));
    }

    /** Runs a check now, whatever its schedule; returns how many samples it published. */
    public int runNow(String name) {
        Check check = checks.get(name);
        if (check == null) {
            throw ProblemException.notFound("enabled check", name);
        }
        return run(check);
    }

    /** Runs the check due first, if one is; true when one ran (more may be due). */
    boolean runDue() {
        Optional<Check> due = QuarkusTransaction.requiringNew().call(this::claimDue);
        if (due.isEmpty()) {
            QuarkusTransaction.requiringNew().call(() -> find("name in ?1", List.copyOf(checks.keySet())).list())
                    .stream().map(r -> ((CheckRun) r).nextRunAt()).min(Instant::compareTo)
                    .ifPresent(next -> worker.wakeWithin(Duration.between(clock.instant(), next)));
            return false;
        }
        run(due.get());
        return true;
    }

    @SuppressWarnings("unchecked")
    private Optional<Check> claimDue() {
        Instant now = clock.instant();
        List<CheckRun> due = getEntityManager().createNativeQuery("""
                SELECT * FROM check_run WHERE name IN (:names) AND next_run_at <= :now
                ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """, CheckRun.class)
                .setParameter("names", List.copyOf(checks.keySet()))
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Check check = checks.get(due.get(0).name());
        due.get(0).scheduleNext(now.plus(check.interval()));
        return Optional.of(check);
    }

    private int run(Check check) {
        Instant now = clock.instant();
        try {
            List<SignalReceived> samples = check.run(now);
            if (!samples.isEmpty()) {
                signals.publish(samples).await().atMost(Duration.ofSeconds(30));
            }
            record(check.name(), run -> run.succeeded(now, samples.size()));
            return samples.size();
        } catch (RuntimeException e) {
            LOG.warnf("check %s failed: %s", check.name(), e.getMessage());
            record(check.name(), run -> run.failed(now, String.valueOf(e.getMessage())));
            throw ProblemException.unavailable("check " + check.name() + " failed: " + e.getMessage());
        }
    }

    private void record(String name, Consumer<CheckRun> outcome) {
        QuarkusTransaction.requiringNew().run(() -> findByIdOptional(name).ifPresent(outcome));
    }
}
