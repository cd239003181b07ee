package dev.autopilot.reporting.signal;

import dev.autopilot.contracts.signal.SignalReceived;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class SignalSampleRepository implements PanacheRepository<SignalSample> {

    /** Keeps the signal as a sample, unless a sample of it is kept already (the intake took it in twice). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(SignalReceived signal, Instant at) {
        if (count("signalId", signal.signalId()) == 0) {
            persist(SignalSample.of(signal, at));
        }
    }

    public Optional<SignalSample> findBySignalId(String signalId) {
        return find("signalId", signalId).firstResultOptional();
    }
}
