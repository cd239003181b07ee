package dev.autopilot.reporting.measure;

import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.reporting.incident.IncidentRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The measures of the incidents opened in a period. */
@ApplicationScoped
public class MeasureService {

    private final IncidentRecordRepository incidents;
    private final ReportingConfig config;

    @Inject
    public MeasureService(IncidentRecordRepository incidents, ReportingConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    @Transactional
    public MeasuresView measures(Instant from, Instant to, GroupBy groupBy) {
        Measures.Table table = Measures.of(incidents.openedBetween(from, to).stream().map(IncidentFacts::from)
                .toList(), groupBy, config.zone(), from, to);
        return new MeasuresView(from, to, groupBy.name().toLowerCase(), config.zone().getId(), table.overall(),
                table.groups());
    }
}
