package dev.autopilot.reporting.signal;

import dev.autopilot.contracts.signal.SignalReceived;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import dev.autopilot.reporting.slo.CheckSample;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /** The check samples of an indicator ({@code sli} label) observed in [from, to), oldest first. */
    @SuppressWarnings("unchecked")
    public List<CheckSample> checkSamples(String indicator, Instant from, Instant to) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT observed_at, value, labels ->> 'periodSeconds' FROM signal_sample
                WHERE source = 'check' AND labels ->> 'sli' = ?1 AND observed_at >= ?2 AND observed_at < ?3
                  AND value IS NOT NULL
                ORDER BY observed_at
                """)
                .setParameter(1, indicator).setParameter(2, from).setParameter(3, to)
                .getResultList();
        List<CheckSample> samples = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            samples.add(new CheckSample(instant(row[0]), ((Number) row[1]).doubleValue(), period((String) row[2])));
        }
        return samples;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static Double period(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Optional<SignalSample> findBySignalId(String signalId) {
        return find("signalId", signalId).firstResultOptional();
    }
}
