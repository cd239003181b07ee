package dev.autopilot.detector.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IncidentSignalRepository implements PanacheRepositoryBase<IncidentSignal, Long> {
}
