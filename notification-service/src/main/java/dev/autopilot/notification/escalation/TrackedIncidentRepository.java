package dev.autopilot.notification.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** The incidents this service tracks. */
@ApplicationScoped
public class TrackedIncidentRepository implements PanacheRepositoryBase<TrackedIncident, String> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO incident (incident_id, title, severity, incident_type, service, labels, opened_at,
                received_at, policy, round, round_started_at, status, reopened, version)
            VALUES (:id, :title, :severity, :type, :service, CAST(:labels AS jsonb), :openedAt, :receivedAt, :policy,
                1, :receivedAt, 'OPEN', 0, 0)
            ON CONFLICT (incident_id) DO NOTHING
            """;

    private final ObjectMapper json;

    @Inject
    public TrackedIncidentRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Adds the incident unless it is known; true when added (a second {@code IncidentOpened} changes nothing). */
    public boolean addIfAbsent(TrackedIncident incident) {
        String labelsJson;
        try {
            labelsJson = json.writeValueAsString(incident.facts().labels());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels could not be written as JSON", e);
        }
        return getEntityManager().createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("id", incident.incidentId())
                .setParameter("title", incident.title())
                .setParameter("severity", incident.severity().name())
                .setParameter("type", incident.type())
                .setParameter("service", incident.service())
                .setParameter("labels", labelsJson)
                .setParameter("openedAt", incident.asPageIncident().openedAt())
                .setParameter("receivedAt", incident.roundStartedAt())
                .setParameter("policy", incident.policy())
                .executeUpdate() == 1;
    }

    /** The incident, locked until the transaction ends: its events are applied one at a time. */
    public Optional<TrackedIncident> lock(String incidentId) {
        return Optional.ofNullable(getEntityManager().find(TrackedIncident.class, incidentId,
                LockModeType.PESSIMISTIC_WRITE));
    }
}
