package dev.autopilot.reporting.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.autopilot.contracts.Severity;
import dev.autopilot.reporting.incident.RemediationStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MTTA, MTTR, automation share, remediation success and rollbacks, overall and by group. */
class MeasuresTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant FROM = Instant.parse("2026-11-08T15:00:00Z"); // Monday 2026-11-09 in Seoul
    private static final Instant TO = FROM.plus(Duration.ofDays(14));

    private static IncidentFacts incident(Severity severity, String service, Instant opened, Long ackAfter,
            Long resolveAfter, boolean automated, RemediationStatus remediation, int rollbacks) {
        return new IncidentFacts(severity, service, opened, ackAfter == null ? null : opened.plusSeconds(ackAfter),
                resolveAfter == null ? null : opened.plusSeconds(resolveAfter), automated, remediation, rollbacks);
    }

    @Test
    void noIncidentsMeasureNothing() {
        Measures.Group overall = Measures.of(List.of(), GroupBy.NONE, SEOUL, FROM, TO).overall();

        assertThat(overall.incidents()).isZero();
        assertThat(overall.mttaSeconds()).isNull();
        assertThat(overall.mttrSeconds()).isNull();
        assertThat(overall.automationShare()).isNull();
        assertThat(overall.remediationSuccessRate()).isNull();
        assertThat(overall.rollbacksPerWeek()).isZero();
    }

    @Test
    void anIncidentNeverAcknowledgedCountsForMttrOnly() {
        Measures.Group overall = Measures.of(List.of(
                incident(Severity.P0, "web", FROM.plusSeconds(10), null, 600L, true, RemediationStatus.SUCCEEDED, 1),
                incident(Severity.P1, "web", FROM.plusSeconds(20), 60L, 1200L, false, null, 0),
                incident(Severity.P1, "web", FROM.plusSeconds(30), 120L, null, false, RemediationStatus.FAILED, 0)),
                GroupBy.NONE, SEOUL, FROM, TO).overall();

        assertThat(overall.incidents()).isEqualTo(3);
        assertThat(overall.acknowledged()).isEqualTo(2);
        assertThat(overall.resolved()).isEqualTo(2);
        assertThat(overall.mttaSeconds()).isEqualTo(90.0);
        assertThat(overall.mttrSeconds()).isEqualTo(900.0);
        assertThat(overall.resolvedByAutomation()).isEqualTo(1);
        assertThat(overall.automationShare()).isEqualTo(50.0);
        assertThat(overall.remediationsFinished()).isEqualTo(2);
        assertThat(overall.remediationSuccessRate()).isEqualTo(50.0);
        assertThat(overall.rollbacks()).isEqualTo(1);
        assertThat(overall.rollbacksPerWeek()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void remediationsStillRunningAreNotYetASuccessOrAFailure() {
        Measures.Group overall = Measures.of(List.of(
                incident(Severity.P2, "web", FROM, null, null, false, RemediationStatus.RUNNING, 0),
                incident(Severity.P2, "web", FROM, null, null, false, RemediationStatus.PLANNED, 0),
                incident(Severity.P2, "web", FROM, null, null, false, RemediationStatus.ESCALATED, 0),
                incident(Severity.P2, "web", FROM, null, null, false, RemediationStatus.UNDONE, 0),
                incident(Severity.P2, "web", FROM, null, null, false, RemediationStatus.SUCCEEDED, 0)),
                GroupBy.NONE, SEOUL, FROM, TO).overall();

        assertThat(overall.remediationsFinished()).isEqualTo(3);
        assertThat(overall.remediationSuccessRate()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void anAcknowledgementStampedBeforeTheOpeningCountsAsImmediate() {
        Measures.Group overall = Measures.of(List.of(incident(Severity.P0, "web", FROM.plusSeconds(60), -5L, null,
                false, null, 0)), GroupBy.NONE, SEOUL, FROM, TO).overall();

        assertThat(overall.mttaSeconds()).isZero();
    }

    @Test
    void bySeverityAndService() {
        List<IncidentFacts> incidents = List.of(
                incident(Severity.P0, "web", FROM, 60L, 600L, false, null, 0),
                incident(Severity.P1, "batch", FROM, 120L, null, false, null, 0),
                incident(Severity.P1, null, FROM, 180L, null, false, null, 0));

        assertThat(Measures.of(incidents, GroupBy.SEVERITY, SEOUL, FROM, TO).groups())
                .extracting(Measures.Group::key, Measures.Group::incidents, Measures.Group::mttaSeconds)
                .containsExactly(tuple("P0", 1, 60.0),
                        tuple("P1", 2, 150.0));
        assertThat(Measures.of(incidents, GroupBy.SERVICE, SEOUL, FROM, TO).groups())
                .extracting(Measures.Group::key).containsExactly("(none)", "batch", "web");
    }

    @Test
    void byWeekInTheZoneWithEmptyWeeksAndPeriodBoundaries() {
        Instant sundayLateInSeoul = Instant.parse("2026-11-15T14:59:59Z"); // 23:59:59 Sunday 15th in Seoul
        Instant mondayInSeoul = Instant.parse("2026-11-15T15:00:00Z"); // 00:00 Monday 16th in Seoul
        List<IncidentFacts> incidents = List.of(
                incident(Severity.P0, "web", sundayLateInSeoul, 60L, 120L, false, null, 2),
                incident(Severity.P0, "web", mondayInSeoul, 300L, 600L, false, null, 0));

        List<Measures.Group> weeks = Measures.of(incidents, GroupBy.WEEK, SEOUL, FROM, TO).groups();

        assertThat(weeks).extracting(Measures.Group::key).containsExactly("2026-11-09", "2026-11-16");
        assertThat(weeks.get(0).incidents()).isEqualTo(1);
        assertThat(weeks.get(0).rollbacksPerWeek()).isCloseTo(2, within(1e-9));
        assertThat(weeks.get(1).mttrSeconds()).isEqualTo(600.0);
        assertThat(weeks.get(1).from()).isEqualTo(mondayInSeoul);
        assertThat(weeks.get(1).to()).isEqualTo(TO);
        assertThat(Measures.of(List.of(), GroupBy.DAY, SEOUL, FROM, TO).groups()).hasSize(14)
                .allSatisfy(day -> assertThat(day.incidents()).isZero());
        assertThat(Measures.of(incidents, GroupBy.MONTH, SEOUL, FROM, TO).groups())
                .extracting(Measures.Group::key).containsExactly("2026-11");
    }
}
