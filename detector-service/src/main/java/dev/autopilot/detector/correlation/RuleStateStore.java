package dev.autopilot.detector.correlation;

import dev.autopilot.detector.detection.RuleState;
import dev.autopilot.detector.detection.RuleStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule engine's state in the database ({@code rule_state}), read for a whole batch of signals in one query
 * and written back once at its end, in the correlator's transaction.
 */
@ApplicationScoped
public class RuleStateStore {

    private final EntityManager entities;

    @Inject
    public RuleStateStore(EntityManager entities) {
        this.entities = entities;
    }

    /** The states of the given fingerprints, to be changed in memory and then {@link Batch#save()}d. */
    public Batch load(Collection<String> fingerprints) {
        Map<Key, RuleState> loaded = new HashMap<>();
        if (!fingerprints.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery(
                    "SELECT rule, fingerprint, since, recommended_at FROM rule_state WHERE fingerprint IN (:fingerprints)")
                    .setParameter("fingerprints", List.copyOf(fingerprints))
                    .getResultList();
            for (Object[] row : rows) {
                loaded.put(new Key((String) row[0], (String) row[1]),
                        new RuleState(instant(row[2]), instant(row[3])));
            }
        }
        return new Batch(loaded);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected time " + value.getClass());
    }

    private record Key(String rule, String fingerprint) {
    }

    /** The states of one batch of signals. */
    public final class Batch implements RuleStates {

        private final Map<Key, RuleState> states;
        private final Set<Key> changed = new HashSet<>();

        private Batch(Map<Key, RuleState> states) {
            this.states = states;
        }

        @Override
        public Optional<RuleState> get(String rule, String fingerprint) {
            return Optional.ofNullable(states.get(new Key(rule, fingerprint)));
        }

        @Override
        public void put(String rule, String fingerprint, RuleState state) {
            Key key = new Key(rule, fingerprint);
            if (!state.equals(states.put(key, state))) {
                changed.add(key);
            }
        }

        @Override
        public void remove(String rule, String fingerprint) {
            Key key = new Key(rule, fingerprint);
            if (states.remove(key) != null) {
                changed.add(key);
            }
        }

        /** Writes what changed: one statement per changed state. */
        public void save() {
            for (Key key : changed) {
                RuleState state = states.get(key);
                if (state == null) {
                    entities.createNativeQuery("DELETE FROM rule_state WHERE rule = :rule AND fingerprint = :fingerprint")
                            .setParameter("rule", key.rule())
                            .setParameter("fingerprint", key.fingerprint())
                            .executeUpdate();
                } else {
                    entities.createNativeQuery("""
                            INSERT INTO rule_state (rule, fingerprint, since, recommended_at)
                            VALUES (:rule, :fingerprint, :since, :recommendedAt)
                            ON CONFLICT (rule, fingerprint) DO UPDATE
                            SET since = EXCLUDED.since, recommended_at = EXCLUDED.recommended_at
                            """)
                            .setParameter("rule", key.rule())
                            .setParameter("fingerprint", key.fingerprint())
                            .setParameter("since", state.since())
                            .setParameter("recommendedAt", state.recommendedAt())
                            .executeUpdate();
                }
            }
            changed.clear();
        }
    }
}
