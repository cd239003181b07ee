package dev.autopilot.detector.correlation;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.detection.RuleEngine;
import dev.autopilot.detector.detection.Verdict;
import dev.autopilot.detector.incident.ConditionRepository;
import dev.autopilot.detector.incident.ConditionStatus;
import dev.autopilot.detector.incident.Incident;
import dev.autopilot.detector.incident.IncidentCondition;
import dev.autopilot.detector.incident.IncidentPublisher;
import dev.autopilot.detector.incident.IncidentRepository;
import dev.autopilot.detector.incident.IncidentResolution;
import dev.autopilot.detector.incident.IncidentSignal;
import dev.autopilot.detector.incident.IncidentSignal.Effect;
import dev.autopilot.detector.incident.IncidentSignalRepository;
import dev.autopilot.detector.recommendation.ScalingPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Turns signals into incidents, one incident per problem. The rule engine judges each signal; a firing
 * condition adds to its active incident, joins its service's active incident within the correlation window,
 * reopens the incident it left within the reopen window, or opens a new one; a worse condition raises the
 * incident's severity; a cleared condition may resolve it ({@link IncidentResolution}). A batch of signals is one
 * transaction: lookups are cached for the batch, so a storm of one alarm costs a few statements per batch.
 */
@ApplicationScoped
public class Correlator {

    private static final Logger LOG = Logger.getLogger(Correlator.class);

    private final IncidentRepository incidents;
    private final ConditionRepository conditions;
    private final IncidentSignalRepository evidence;
    private final IncidentPublisher publisher;
    private final IncidentResolution resolution;
    private final ScalingPublisher scaling;
    private final RuleEngine engine;
    private final RuleStateStore ruleStates;
    private final LifecycleTimers timers;
    private final CorrelationConfig config;
    private final Clock clock;

    @Inject
    public Correlator(IncidentRepository incidents, ConditionRepository conditions, IncidentSignalRepository evidence,
            IncidentPublisher publisher, IncidentResolution resolution, ScalingPublisher scaling, RuleEngine engine,
            RuleStateStore ruleStates, LifecycleTimers timers, CorrelationConfig config, Clock clock) {
        this.incidents = incidents;
        this.conditions = conditions;
        this.evidence = evidence;
        this.publisher = publisher;
        this.resolution = resolution;
        this.scaling = scaling;
        this.engine = engine;
        this.ruleStates = ruleStates;
        this.timers = timers;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<SignalReceived> signals) {
        List<String> fingerprints = signals.stream().map(SignalReceived::fingerprint).distinct().toList();
        Batch batch = new Batch(fingerprints, clock.instant().minus(config.reopenWindow()));
        RuleStateStore.Batch states = ruleStates.load(fingerprints);
        for (SignalReceived signal : signals) {
            for (Verdict verdict : engine.evaluate(signal, states)) {
                if (verdict instanceof Verdict.Condition condition) {
                    if (condition.firing()) {
                        fire(batch, signal, condition);
                    } else {
                        clear(batch, signal, condition);
                    }
                } else if (verdict instanceof Verdict.Scale scale) {
                    scaling.recommend(signal, scale, clock.instant());
                }
            }
        }
        states.save();
    }

    private void fire(Batch batch, SignalReceived signal, Verdict.Condition verdict) {
        Instant now = clock.instant();
        Optional<IncidentCondition> active = batch.condition(signal.fingerprint());
        if (active.isPresent()) {
            IncidentCondition condition = active.get();
            Incident incident = incidents.findById(condition.incidentId());
            IncidentCondition.Firing firing = condition.fire(1, signal.signalId(), signal.value(), verdict.severity(),
                    verdict.type(), verdict.rule(), now, config.flapWindow());
            incident.recordSignals(1, now);
            if (firing == IncidentCondition.Firing.REFIRED) {
                evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.REFIRED, verdict.severity(), verdict.rule()));
                incident.cancelResolve();
                if (condition.flapsAt(config.flapTransitions()) && !incident.flapping()) {
                    incident.markFlapping();
                    LOG.infof("incident %s flaps: %s changed state %d times; it stays open", incident.id(),
                            condition.fingerprint(), condition.transitions());
                }
            }
            escalateIfWorse(incident, signal, verdict);
            return;
        }
        String key = correlationKey(verdict);
        Optional<Incident> joinable = batch.joinable(key, now.minus(config.window()));
        if (joinable.isPresent()) {
            Incident incident = joinable.get();
            batch.put(newCondition(incident, signal, verdict, now));
            incident.recordSignals(1, now);
            evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.JOINED, verdict.severity(), verdict.rule()));
            LOG.debugf("incident %s: %s joined (%s %s)", incident.id(), signal.title(), verdict.severity(), verdict.type());
            escalateIfWorse(incident, signal, verdict);
            return;
        }
        Optional<IncidentCondition> recent = batch.recentlyCleared(signal.fingerprint(), now.minus(config.reopenWindow()));
        if (recent.isPresent()) {
            reopen(batch, recent.get(), signal, verdict, now, key);
            return;
        }
        open(batch, signal, verdict, now, key);
    }

    private void open(Batch batch, SignalReceived signal, Verdict.Condition verdict, Instant now, String key) {
        Map<String, String> labels = new TreeMap<>(signal.labels());
        labels.put("rule", verdict.rule());
        labels.put("source", signal.source());
        if (verdict.agent() != null) {
            labels.put("agent", verdict.agent());
        }
        Incident incident = Incident.open(signal.fingerprint(), signal.title(), verdict.severity(), verdict.type(),
                verdict.service(), verdict.agent(), key, labels, now);
        incident.recordSignals(1, now);
        incidents.persist(incident);
        batch.put(newCondition(incident, signal, verdict, now));
        batch.opened(key, incident);
        evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.OPENED, verdict.severity(), verdict.rule()));
        publisher.opened(incident, signal.signalId());
        LOG.infof("incident %s opened: %s %s %s", incident.id(), incident.severity(), incident.type(), incident.title());
    }

    private void reopen(Batch batch, IncidentCondition condition, SignalReceived signal, Verdict.Condition verdict,
            Instant now, String key) {
        Incident incident = incidents.findById(condition.incidentId());
        incident.reopen(now);
        incident.recordSignals(1, now);
        condition.reactivate();
        condition.fire(1, signal.signalId(), signal.value(), verdict.severity(), verdict.type(), verdict.rule(), now,
                config.flapWindow());
        batch.put(condition);
        batch.opened(key, incident);
        evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.REOPENED, verdict.severity(), verdict.rule()));
        publisher.reopened(incident, signal.title() + " fired again within the reopen window", signal.signalId());
        LOG.infof("incident %s reopened: %s fired again", incident.id(), signal.title());
        escalateIfWorse(incident, signal, verdict);
    }

    private void clear(Batch batch, SignalReceived signal, Verdict.Condition verdict) {
        Optional<IncidentCondition> active = batch.condition(signal.fingerprint());
        if (active.isEmpty() || active.get().status() != ConditionStatus.FIRING) {
            return;
        }
        IncidentCondition condition = active.get();
        Incident incident = incidents.findById(condition.incidentId());
        Instant now = clock.instant();
        if (!verdict.debounced()) {
            condition.clearAt(now.plus(config.holdDown()));
            evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.CLEARING, condition.severity(), condition.rule()));
            timers.dueAt(condition.clearDueAt());
            return;
        }
        condition.clear(now, config.flapWindow());
        evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.CLEARED, condition.severity(), condition.rule()));
        if (condition.flapsAt(config.flapTransitions()) && !incident.flapping()) {
            incident.markFlapping();
        }
        resolution.settle(incident, now, config.flapHold()).ifPresent(timers::dueAt);
    }

    private void escalateIfWorse(Incident incident, SignalReceived signal, Verdict.Condition verdict) {
        if (!verdict.severity().isWorseThan(incident.severity())) {
            return;
        }
        Severity previous = incident.escalate(verdict.severity(), verdict.type());
        String reason = signal.title() + " (" + verdict.rule() + ") is " + verdict.severity() + " " + verdict.type();
        evidence.persist(IncidentSignal.of(incident.id(), signal, Effect.ESCALATED, verdict.severity(), verdict.rule()));
        publisher.escalated(incident, previous, reason, signal.signalId(), clock.instant());
        LOG.infof("incident %s escalated from %s to %s: %s", incident.id(), previous, incident.severity(), reason);
    }

    private IncidentCondition newCondition(Incident incident, SignalReceived signal, Verdict.Condition verdict,
            Instant now) {
        IncidentCondition condition = IncidentCondition.firing(incident.id(), signal.fingerprint(), signal.source(),
                signal.title(), verdict.rule(), verdict.severity(), verdict.type(), verdict.agent(), verdict.debounced(),
                signal.labels(), signal.signalId(), signal.value(), now);
        conditions.persist(condition);
        return condition;
    }

    /** Conditions of one service and group correlate. */
    static String correlationKey(Verdict.Condition verdict) {
        return verdict.service() + "|" + verdict.group();
    }

    /**
     * What a batch needs, looked up once: the active and recently cleared conditions of its fingerprints (two
     * queries), and each correlation key's joinable incident (a query per key). Entities stay managed, so what the
     * batch changes (a condition cleared, an incident resolved) is what later signals of the batch see.
     */
    private final class Batch {
        private final Map<String, Optional<IncidentCondition>> conditionsByFingerprint = new HashMap<>();
        private final Map<String, IncidentCondition> clearedByFingerprint;
        private final Map<String, Optional<Incident>> joinableByKey = new HashMap<>();

        Batch(List<String> fingerprints, Instant clearedSince) {
            conditions.findActive(fingerprints).forEach((fingerprint, c) -> conditionsByFingerprint.put(fingerprint,
                    Optional.of(c)));
            clearedByFingerprint = conditions.findRecentlyCleared(fingerprints, clearedSince);
        }

        /** The fingerprint's condition in an active incident; one whose incident resolved within this batch is not. */
        Optional<IncidentCondition> condition(String fingerprint) {
            return conditionsByFingerprint.getOrDefault(fingerprint, Optional.empty()).filter(IncidentCondition::active);
        }

        /** The fingerprint's latest condition of a resolved incident, if it cleared at or after {@code since}. */
        Optional<IncidentCondition> recentlyCleared(String fingerprint, Instant since) {
            Optional<IncidentCondition> resolvedInBatch = conditionsByFingerprint.getOrDefault(fingerprint, Optional.empty())
                    .filter(c -> !c.active());
            return resolvedInBatch.or(() -> Optional.ofNullable(clearedByFingerprint.get(fingerprint)))
                    .filter(c -> c.clearedAt() != null && !c.clearedAt().isBefore(since));
        }

        void put(IncidentCondition condition) {
            conditionsByFingerprint.put(condition.fingerprint(), Optional.of(condition));
        }

        Optional<Incident> joinable(String key, Instant since) {
            return joinableByKey.computeIfAbsent(key, k -> incidents.findJoinable(k, since))
                    .filter(i -> i.status().isActive() && !i.lastSignalAt().isBefore(since));
        }

        void opened(String key, Incident incident) {
            joinableByKey.put(key, Optional.of(incident));
        }
    }
}
