package dev.autopilot.reporting.dashboard;

import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.reporting.incident.IncidentRecordRepository;
import dev.autopilot.reporting.measure.GroupBy;
import dev.autopilot.reporting.measure.MeasureService;
import dev.autopilot.reporting.measure.Measures;
import dev.autopilot.reporting.report.InternalSections;
import dev.autopilot.reporting.report.ReportRepository;
import dev.autopilot.reporting.report.ReportView;
import dev.autopilot.reporting.slo.SloService;
import dev.autopilot.reporting.slo.SloView;
import dev.autopilot.reporting.timeline.TimelineEntryRepository;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** Gathers what the dashboard shows, as of now. */
@ApplicationScoped
public class DashboardService {

    static final int REFRESH_SECONDS = 60;
    static final int OPEN_SHOWN = 50;
    static final int LATEST_SHOWN = 15;
    static final int WEEKS = 8;
    static final int REPORTS_SHOWN = 5;

    private final IncidentRecordRepository incidents;
    private final TimelineEntryRepository timeline;
    private final SloService slos;
    private final MeasureService measures;
    private final ReportRepository reports;
    private final ReportingConfig config;
    private final Clock clock;

    @Inject
    public DashboardService(IncidentRecordRepository incidents, TimelineEntryRepository timeline, SloService slos,
            MeasureService measures, ReportRepository reports, ReportingConfig config, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.slos = slos;
        this.measures = measures;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public DashboardView dashboard() {
        Instant now = clock.instant();
        List<DashboardView.OpenIncident> open = incidents.unresolved(OPEN_SHOWN).stream()
                .map(i -> new DashboardView.OpenIncident(i.id(), String.valueOf(i.severity()), i.title(),
                        i.status().name(), i.service(), i.openedAt(),
                        InternalSections.duration(Duration.between(i.openedAt(), now).toSeconds())))
                .toList();
        List<TimelineEntryView> latest = timeline.latest(now.minus(Duration.ofDays(30)), now.plusSeconds(1),
                LATEST_SHOWN).stream().map(TimelineEntryView::from).toList();
        List<SloView> standing = slos.standing(now);
        Instant weeksFrom = LocalDate.ofInstant(now, config.zone()).minusWeeks(WEEKS - 1L)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(config.zone()).toInstant();
        List<Measures.Group> weeks = measures.measures(weeksFrom, now, GroupBy.WEEK).groups();
        List<DashboardView.Week> trend = weeks.stream().map(w -> new DashboardView.Week(w.key(), w.incidents(),
                InternalSections.duration(w.mttaSeconds()), InternalSections.duration(w.mttrSeconds()))).toList();
        List<ReportView> latestReports = reports.latest(null, REPORTS_SHOWN).stream().map(ReportView::from).toList();
        return new DashboardView(now, REFRESH_SECONDS, open, latest, standing, trend,
                SvgCharts.attainment(standing), SvgCharts.budget(standing), SvgCharts.trend(weeks), latestReports);
    }
}
