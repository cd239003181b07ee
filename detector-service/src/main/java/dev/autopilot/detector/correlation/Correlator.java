package dev.autopilot.detector.correlation;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.detection.Classifier;
import dev.autopilot.detector.incident.Incident;
import dev.autopilot.detector.incident.IncidentPublisher;
import dev.autopilot.detector.incident.IncidentRepository;
import dev.autopilot.detector.incident.IncidentSignal;
import dev.autopilot.detector.incident.IncidentSignalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns signals into incidents, one incident per problem: a firing signal opens an incident for its fingerprint
 * or adds to the open one; a resolved signal resolves it. Runs in the consumer's transaction, so the incident,
 * its event and the processed mark of the signal commit together.
 */
@ApplicationScoped
public class Correlator {

    private static final Logger LOG = Logger.getLogger(Correlator.class);

    private final IncidentRepository incidents;
    private final IncidentSignalRepository evidence;
    private final IncidentPublisher publisher;
    private final Classifier classifier;
    private final String managedService;
    private final Clock clock;

    @Inject
    public Correlator(IncidentRepository incidents, IncidentSignalRepository evidence, IncidentPublisher publisher,
            Classifier classifier, @ConfigProperty(name = "detector.managed-service") String managedService,
            Clock clock) {
        this.incidents = incidents;
        this.evidence = evidence;
        this.publisher = publisher;
        this.classifier = classifier;
        this.managedService = managedService;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SignalReceived signal) {
        Optional<Incident> active = incidents.findActive(signal.fingerprint());
        switch (signal.status()) {
            case FIRING -> active.ifPresentOrElse(
                    incident -> repeat(incident, signal),
                    () -> open(signal));
            case RESOLVED -> active.ifPresent(incident -> resolve(incident, signal));
            default -> active.ifPresent(incident -> evidence.persist(IncidentSignal.of(incident.id(), signal)));
        }
    }

    private void open(SignalReceived signal) {
        Classifier.Classification verdict = classifier.classify(signal);
        Map<String, String> labels = new TreeMap<>(signal.labels());
        labels.put("rule", verdict.rule());
        labels.put("source", signal.source());
        String service = signal.labels().getOrDefault("service", managedService);
        Incident incident = Incident.open(signal.fingerprint(), signal.title(), verdict.severity(), verdict.type(),
                service, labels, clock.instant());
        incidents.persist(incident);
        evidence.persist(IncidentSignal.of(incident.id(), signal));
        publisher.opened(incident, signal.signalId());
        LOG.infof("incident %s opened: %s %s %s", incident.id(), incident.severity(), incident.type(), incident.title());
    }

    private void repeat(Incident incident, SignalReceived signal) {
        incident.recordRepeat(clock.instant());
        evidence.persist(IncidentSignal.of(incident.id(), signal));
    }

    private void resolve(Incident incident, SignalReceived signal) {
        evidence.persist(IncidentSignal.of(incident.id(), signal));
        incident.resolve("detector", "signal cleared: " + signal.title(), clock.instant());
        publisher.resolved(incident);
        LOG.infof("incident %s resolved: its signal cleared", incident.id());
    }
}
