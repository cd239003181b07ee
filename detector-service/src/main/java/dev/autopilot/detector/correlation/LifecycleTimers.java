package dev.autopilot.detector.correlation;

import dev.autopilot.detector.incident.ConditionRepository;
import dev.autopilot.detector.incident.ConditionStatus;
import dev.autopilot.detector.incident.Incident;
import dev.autopilot.detector.incident.IncidentCondition;
import dev.autopilot.detector.incident.IncidentRepository;
import dev.autopilot.detector.incident.IncidentResolution;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The incident lifecycle's timers, in the database: a raw check's condition clears when its hold-down has passed;
 * a flapping incident resolves when its conditions stayed quiet. Due rows are claimed {@code FOR UPDATE SKIP
 * LOCKED}, so any replica can fire them and a restart loses none; the worker wakes when the next one is due.
 */
@ApplicationScoped
public class LifecycleTimers {

    private static final int BATCH = 100;

    private final ConditionRepository conditions;
    private final IncidentRepository incidents;
    private final IncidentResolution resolution;
    private final CorrelationConfig config;
    private final Clock clock;
    private final SignalledWorker worker;

    @Inject
    public LifecycleTimers(ConditionRepository conditions, IncidentRepository incidents, IncidentResolution resolution,
            CorrelationConfig config, Clock clock) {
        this.conditions = conditions;
        this.incidents = incidents;
        this.resolution = resolution;
        this.config = config;
        this.clock = clock;
        this.worker = new SignalledWorker("incident-timers", Duration.ofMinutes(1), this::runDue);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    /** Asks for a run when a timer set in the current transaction comes due. */
    public void dueAt(Instant due) {
        worker.wakeWithin(Duration.between(clock.instant(), due));
    }

    /** Fires every timer that is due; true when more may be due at once. */
    public boolean runDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<IncidentCondition> clearing = conditions.claimDueToClear(now, BATCH);
            for (IncidentCondition condition : clearing) {
                condition.clear(now, config.flapWindow());
                Incident incident = incidents.findById(condition.incidentId());
                if (condition.flapsAt(config.flapTransitions()) && !incident.flapping()) {
                    incident.markFlapping();
                }
                resolution.settle(incident, now, config.flapHold());
            }
            List<Incident> quiet = incidents.claimDueToResolve(now, BATCH);
            for (Incident incident : quiet) {
                boolean stillClear = conditions.ofIncident(incident.id()).stream()
                        .filter(IncidentCondition::active)
                        .allMatch(c -> c.status() == ConditionStatus.CLEARED);
                if (stillClear) {
                    resolution.resolve(incident, "detector",
                            "all signals stayed clear for " + config.flapHold().toMinutes() + " min after flapping", now);
                } else {
                    incident.cancelResolve();
                }
            }
            if (clearing.size() == BATCH || quiet.size() == BATCH) {
                return true;
            }
            Stream.of(conditions.nextClearDue(), incidents.nextResolveDue())
                    .flatMap(Optional::stream)
                    .min(Instant::compareTo)
                    .ifPresent(this::dueAt);
            return false;
        });
    }
}
