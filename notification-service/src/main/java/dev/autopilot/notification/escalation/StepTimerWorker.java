package dev.autopilot.notification.escalation;

import dev.autopilot.notification.delivery.DeliveryConfig;
import dev.autopilot.notification.dispatch.RestartableWorker;
import dev.autopilot.support.worker.SignalledWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Fires escalation steps when they come due: each step is one transaction that claims its timer
 * ({@code FOR UPDATE SKIP LOCKED}: any replica, once), locks the incident and schedules the step's messages. Asks
 * to be woken when the next step is due; polls only as a fallback for other replicas' timers.
 */
@ApplicationScoped
public class StepTimerWorker {

    private final RestartableWorker worker;

    @Inject
    public StepTimerWorker(EscalationService escalation, DeliveryConfig config) {
        this.worker = new RestartableWorker("escalation-timers", config.fallbackInterval(),
                () -> QuarkusTransaction.requiringNew().call(escalation::fireNextDue));
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop();
    }

    /** Starts firing steps (again, after {@link #stop}: from what the database holds, as a restarted process). */
    public void start() {
        worker.start();
    }

    /** Stops firing steps, as a shutdown does; pending steps stay in the database. */
    public void stop() {
        worker.stop();
    }

    /** The worker's thread, for waking it after a commit. */
    public SignalledWorker worker() {
        return worker.signal();
    }
}
