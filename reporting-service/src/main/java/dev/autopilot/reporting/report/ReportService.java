package dev.autopilot.reporting.report;

import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.reporting.incident.IncidentRecordRepository;
import dev.autopilot.reporting.incident.IncidentView;
import dev.autopilot.reporting.measure.GroupBy;
import dev.autopilot.reporting.measure.IncidentFacts;
import dev.autopilot.reporting.measure.Measures;
import dev.autopilot.reporting.report.aws.CloudWatchReader;
import dev.autopilot.reporting.report.aws.DynamoDbReader;
import dev.autopilot.reporting.report.aws.EcrReader;
import dev.autopilot.reporting.report.aws.EcsReader;
import dev.autopilot.reporting.report.aws.LogsReader;
import dev.autopilot.reporting.report.aws.S3Reader;
import dev.autopilot.reporting.incident.IncidentRecord;
import dev.autopilot.reporting.slo.SloService;
import dev.autopilot.reporting.timeline.TimelineEntryRepository;
import dev.autopilot.reporting.timeline.TimelineEntryView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a report: reads each of its sources (a failing one leaves a marked gap), stores the report in its three
 * forms, and announces it on {@code reports.v1}, all in one transaction.
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final ReportRepository reports;
    private final IncidentRecordRepository incidents;
    private final TimelineEntryRepository timeline;
    private final SloService slos;
    private final EcsReader ecs;
    private final CloudWatchReader cloudWatch;
    private final LogsReader logs;
    private final S3Reader s3;
    private final DynamoDbReader dynamo;
    private final EcrReader ecr;
    private final ReportPublisher publisher;
    private final Template html;
    private final ReportConfig config;
    private final Clock clock;

    @Inject
    public ReportService(ReportRepository reports, IncidentRecordRepository incidents,
            TimelineEntryRepository timeline, SloService slos, EcsReader ecs, CloudWatchReader cloudWatch,
            LogsReader logs, S3Reader s3, DynamoDbReader dynamo, EcrReader ecr, ReportPublisher publisher,
            @Location("report.html") Template html, ReportingConfig config, Clock clock) {
        this.reports = reports;
        this.incidents = incidents;
        this.timeline = timeline;
        this.slos = slos;
        this.ecs = ecs;
        this.cloudWatch = cloudWatch;
        this.logs = logs;
        this.s3 = s3;
        this.dynamo = dynamo;
        this.ecr = ecr;
        this.publisher = publisher;
        this.html = html;
        this.config = config.reports();
        this.clock = clock;
    }

    /**
     * Runs a report of the kind as of {@code at} (a schedule's due time, or now), in the zone its periods are cut in.
     *
     * @param trigger {@code schedule} or {@code manual}
     */
    @Transactional
    public Report run(ReportKind kind, String trigger, Instant at, ZoneId zone) {
        ReportKind.Period period = kind.period(at, zone);
        List<Section> sections = sections(kind, period, at, zone);
        ReportDocument document = ReportAssembler.assemble(UUID.randomUUID().toString(), kind, trigger, period,
                zone, clock.instant(), sections);
        Report report = Report.of(document, ReportMarkdown.render(document), html.data("report", document).render());
        reports.persist(report);
        publisher.published(document);
        LOG.infof("report %s published: %s (%s), %d gap(s)", report.id(), report.title(), trigger,
                document.gaps().size());
        return report;
    }

    private List<Section> sections(ReportKind kind, ReportKind.Period period, Instant at, ZoneId zone) {
        List<Section> sections = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(period.start(), zone);
        LocalDate end = LocalDate.ofInstant(period.end(), zone);
        int pages = config.maxPages();
        switch (kind) {
            case DAILY:
                sections.add(ReportAssembler.read(EcsReader.SOURCE, "ECS service",
                        () -> ecs.serviceStatus(config.cluster(), config.service())));
                sections.add(ReportAssembler.read(CloudWatchReader.ALARMS, "Alarms in ALARM",
                        () -> cloudWatch.alarmsInAlarm(config.namePattern(), pages)));
                sections.add(ReportAssembler.read(LogsReader.ERRORS, "Most frequent " + config.errorPattern()
                        + " messages, last 24 h", () -> logs.topErrors(config.logGroup(), config.errorPattern(),
                                at.minus(Duration.ofHours(24)), at, pages)));
                sections.add(ReportAssembler.read(S3Reader.SOURCE, "Storage used",
                        () -> s3.usage(config.projectsBucket(), pages)));
                sections.add(ReportAssembler.read(DynamoDbReader.SCAN, "Projects generated",
                        () -> dynamo.projectsGenerated(config.metadataTable(), first, end, pages)));
                sections.add(incidents(period, zone));
                sections.add(InternalSections.slos(slos.standing(at)));
                break;
            case WEEKLY:
                sections.add(ReportAssembler.read(CloudWatchReader.METRICS, "Pipeline by day",
                        () -> cloudWatch.pipelineDays(config.metricsNamespace(), period.start(), period.end(), zone)));
                sections.add(ReportAssembler.read(DynamoDbReader.SCAN, "Users",
                        () -> dynamo.distinctUsers(config.metadataTable(), first, end, pages)));
                sections.add(incidents(period, zone));
                sections.add(InternalSections.slos(slos.standing(at)));
                sections.add(InternalSections.scaling(timeline.aboutNoIncident(period.start(), period.end()).stream()
                        .map(TimelineEntryView::from).toList()));
                break;
            default:
                sections.add(ReportAssembler.read(EcrReader.SOURCE, "Image scan findings",
                        () -> ecr.scanFindings(config.ecrRepository(), pages)));
                sections.add(ReportAssembler.read(LogsReader.RETENTION, "Log groups without "
                        + config.logRetentionDays() + "-day retention",
                        () -> logs.retention(config.namePattern(), config.logRetentionDays(), pages)));
                sections.add(ReportAssembler.read(S3Reader.SOURCE, "Cleanup candidates",
                        () -> s3.olderThan(config.projectsBucket(), at.minus(config.cleanupAge()), pages)));
                sections.add(ReportAssembler.read(DynamoDbReader.BACKUPS, "Backups",
                        () -> dynamo.backups(config.metadataTable(), period.start(), period.end(), pages)));
                sections.add(incidents(period, zone));
                break;
        }
        return sections;
    }

    private Section incidents(ReportKind.Period period, ZoneId zone) {
        List<IncidentRecord> opened = incidents.openedBetween(period.start(), period.end());
        Measures.Table table = Measures.of(opened.stream().map(IncidentFacts::from).toList(), GroupBy.NONE, zone,
                period.start(), period.end());
        return InternalSections.incidents(opened.stream().map(IncidentView::from).toList(), table.overall());
    }
}
